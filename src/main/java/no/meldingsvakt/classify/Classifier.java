package no.meldingsvakt.classify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.message.ParsedMessage;

/** Combines subject rules, automatic-mail checks and service detection into one verdict. */
public final class Classifier {
    private static final java.util.regex.Pattern AUTO_REPLY = java.util.regex.Pattern.compile(
            "^(sent from the monitored|delivery or read report|Auto-Submitted: auto-replied|X-Autoreply|X-Autorespond|X-AutoReply-From|X-Mail-Autoreply|auto-reply subject)");
    /** "plo@kommune.no" in a bounce names a mailbox, not the PLO service. */
    private static final java.util.regex.Pattern ADDRESS_OR_LINK = java.util.regex.Pattern.compile("[^\\s@<>]{1,64}@[^\\s@<>]{1,255}|https?://\\S{1,2000}");

    /** Words that put a mail in e-health: the patient-information line every notice carries, messages, systems. */
    private static final java.util.regex.Pattern MESSAGING_CONTEXT = java.util.regex.Pattern.compile(
            "(?<!\\p{L})(e-?)?melding\\p{L}*|e-?helse|pasient\\p{L}*|(?<!\\p{L})helse\\p{L}*|journal\\p{L}*|fagsystem\\p{L}*"
                    + "|(?<!\\p{L})(epj|nhn|dips|gerica|cosdoc|infodoc|e-?resept|adresseregister\\p{L}*)(?!\\p{L})"
                    // The English a vendor writes.
                    + "|(?<!\\p{L})(messag\\p{L}*|patient\\p{L}*|e-?health|health\\s+record\\p{L}*)(?!\\p{L})",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** The form's «Berørt tjeneste» label, in bokmål, nynorsk and English. */
    private static final FormAnswers.Label AFFECTED = FormAnswers.label(
            "ber(ø|o)rte?\\s+tjenester?|ber(ø|o)rte?\\s+tenester?|affected\\s+services?|ber(ø|o)rte?\\s+meldingstyper?");
    private static final java.util.regex.Pattern ALL = java.util.regex.Pattern.compile(
            "(?<!\\p{L})(alle|all)\\s+(meldingstyper|meldingstypar|tjenester|tenester|message\\s+types|services)(?!\\p{L})",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** «se vedlagt», «se over»: the answer stands elsewhere in the notice (an attachment, the text above). */
    private static final java.util.regex.Pattern SEE_ELSEWHERE = java.util.regex.Pattern.compile(
            "^(se|sjå|see)\\s+(vedlagt|vedlegg|vedlegget|over|under|ovenfor|nedenfor|attached|attachment|above|below)",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    /** "helsestasjon er ikke berørt", "unntatt lab", "ikke PLO": a service the sender says is not affected. */
    private static final java.util.regex.Pattern UNAFFECTED = java.util.regex.Pattern.compile(
            "[\\p{L}-]+\\s+(er|vert|is|are)\\s+(ikke|ikkje|not)\\s+(berørt|berørte|påvirket|råka|affected)|(unntatt|utenom|bortsett fra|ikke|ikkje|except|not)\\s+[\\p{L}-]+",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    private Classifier() {}

    /**
     * The services a notice says are affected: where it follows the form, only what the sender
     * answered under «Berørt tjeneste» («alle meldingstyper» is every service; «Ukjent» is none);
     * otherwise every service it names.
     */
    static java.util.Set<String> affected(String text, java.util.Set<String> mentioned, Map<String, List<String>> vocabulary) {
        FormAnswers.Answer a = FormAnswers.answer(text, AFFECTED);
        if (!a.labelled()) {
            return mentioned;
        }
        if (a.value().isEmpty()) {
            return java.util.Set.of();
        }
        String answer = a.value().get();
        if (SEE_ELSEWHERE.matcher(answer).find()) {
            return mentioned;
        }
        if (ALL.matcher(answer).find()) {
            return ServiceDetector.all(vocabulary);
        }
        return ServiceDetector.detect(UNAFFECTED.matcher(answer).replaceAll(" "), vocabulary);
    }

    private static String cap(String s) {
        return s.length() <= 200_000 ? s : s.substring(0, 200_000);
    }

    public static Classification classify(ParsedMessage m, String monitoredAddress) {
        return classify(m, monitoredAddress, Map.of());
    }

    /**
     * A forward is classified by the original message's subject: an employee passing a notice on
     * rarely keeps the standard subject intact. Robot checks look at the mail as it arrived.
     */
    public static Classification classify(ParsedMessage m, String monitoredAddress, Map<String, List<String>> vocabulary) {
        Optional<String> automatic = AutomaticMailDetector.reason(m, monitoredAddress);
        String text = FormAnswers.withoutExamples(ADDRESS_OR_LINK.matcher(cap(m.originalSubject() + "\n" + m.noticeText())).replaceAll(" "));
        java.util.Set<String> mentioned = ServiceDetector.detect(text, vocabulary);
        boolean aboutMessaging = !mentioned.isEmpty() || MESSAGING_CONTEXT.matcher(text).find();
        java.util.Set<String> services = affected(text, mentioned, vocabulary);
        Optional<Category> notice = SubjectClassifier.classify(SubjectNormalizer.normalize(m.originalSubject()), aboutMessaging)
                .or(() -> SubjectClassifier.classify(SubjectNormalizer.normalize(m.subject()), aboutMessaging));
        // A loop, a report or an out-of-office reply is never a notice, whatever its subject quotes.
        boolean loopOrReport = automatic.isPresent() && AUTO_REPLY.matcher(automatic.get()).find();
        Category category = notice.filter(c -> !loopOrReport)
                .orElse(automatic.isPresent() ? Category.AUTOMATIC : Category.UNKNOWN);
        return new Classification(category, automatic, services);
    }
}
