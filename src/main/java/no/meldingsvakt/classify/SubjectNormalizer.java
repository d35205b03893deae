package no.meldingsvakt.classify;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strips what mail clients and gateways add in front of a subject (stacked reply and forward
 * prefixes in several languages, tags like {@code [EKSTERN]}) and evens out case and spacing, so
 * the standard phrases can be matched at the start.
 */
public final class SubjectNormalizer {
    private static final Pattern PREFIX = Pattern.compile(
            "^(re|sv|vs|fw|fwd|aw|wg|tr|antw|doorst|vl|rv|enc|res|r|i|ynt|odp|vb|svar|videresend|videresendt)"
                    + "\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TAG = Pattern.compile("^(\\[[^\\]]{1,40}\\]|\\*{1,3}[^*]{1,30}\\*{1,3}|\\((ekstern|external|extern)\\))\\s*[:\\-]?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORD_TAG = Pattern.compile("^(ekstern|external|extern|ekstern e-post)\\s*[:\\-]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A ticket system's number in front: "INC0012345", "[#4711]", "Sak 2025/123 -", "Ticket#12345:". */
    private static final Pattern TICKET = Pattern.compile(
            "^(#\\s?\\d{3,}|(inc|ritm|req|chg|sr|cs|tkt|prb|task)\\s?-?\\d{3,}|(sak|saksnr\\.?|ticket|case|request)\\s*(nr\\.?|#|no\\.?)?\\s*[\\d/-]{3,})"
                    + "\\s*[:\\-–|]?\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The sender's organisation written before the phrase without a separator: "Orkland kommune feil i meldingsutveksling". */
    private static final Pattern ORGANISATION = Pattern.compile(
            "^(\\p{L}[\\p{L}.\\-]+\\s+){1,4}(kommune|fylkeskommune|hf|rhf|sykehus|helseforetak)\\s+(?=(feil|planlagt|planlagd|manglende|viktig|stopp|stans)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SubjectNormalizer() {}

    public static String normalize(String subject) {
        String s = Normalizer.normalize(subject == null ? "" : subject, Normalizer.Form.NFKC)
                .replaceAll("[\\p{Z}\\s]+", " ")
                .strip();
        String before;
        do {
            before = s;
            s = PREFIX.matcher(s).replaceFirst("");
            s = TAG.matcher(s).replaceFirst("");
            s = WORD_TAG.matcher(s).replaceFirst("");
            s = TICKET.matcher(s).replaceFirst("");
            s = ORGANISATION.matcher(s).replaceFirst("");
        } while (!s.equals(before));
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("\\s*/\\s*", "/")
                .replaceAll("[\u2010-\u2015]", "-")
                .strip();
    }
}
