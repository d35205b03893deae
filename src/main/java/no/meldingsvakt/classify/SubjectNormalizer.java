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
        } while (!s.equals(before));
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("\\s*/\\s*", "/")
                .replaceAll("[\u2010-\u2015]", "-")
                .strip();
    }
}
