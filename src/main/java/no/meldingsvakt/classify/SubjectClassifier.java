package no.meldingsvakt.classify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a subject to a standard notice category. A phrase must open the subject, or open one of
 * its segments ("Orkland kommune: Feil i meldingsutveksling"): words like "feil" or "planlagt"
 * elsewhere in an unrelated subject never make a notice.
 */
public final class SubjectClassifier {
    /** "Varsel om planlagt stopp …", "Informasjon om feil i …": a lead-in before the standard phrase. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(varsel|varsling|melding|informasjon|info|beskjed|orientering|notice|notification|information)\\s+(om|vedr\\.?|vedrørende|angående|ang\\.?|of|about|regarding|on)\\s+",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern SEGMENT = Pattern.compile("\\s+[-–|]\\s+|:\\s+");

    private SubjectClassifier() {}

    /** The category whose phrase opens the normalised subject or one of its segments. */
    public static Optional<Category> classify(String normalizedSubject) {
        return classify(normalizedSubject, true);
    }

    /**
     * @param aboutMessaging whether the mail speaks of messages, patients or health systems at all:
     *     "Planlagt vedlikehold av parkeringsplassen" is not a notice, "Planlagt vedlikehold DIPS" with a
     *     patient-information line is
     */
    public static Optional<Category> classify(String normalizedSubject, boolean aboutMessaging) {
        String subject = SubjectSpelling.corrected(normalizedSubject);
        Optional<Category> whole = match(subject, aboutMessaging);
        if (whole.isPresent()) {
            return whole;
        }
        for (String segment : SEGMENT.split(subject)) {
            Optional<Category> c = match(segment.strip(), aboutMessaging);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<Category> match(String text, boolean aboutMessaging) {
        String s = LEAD_IN.matcher(text).replaceFirst("");
        for (Category c : Category.values()) {
            for (Category.Phrase p : c.phrases()) {
                if ((aboutMessaging || !p.needsContext()) && p.pattern().matcher(s).find()) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }
}
