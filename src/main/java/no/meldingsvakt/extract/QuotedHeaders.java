package no.meldingsvakt.extract;

import java.util.regex.Pattern;

/**
 * Removes the header blocks a mail client writes above a quoted or forwarded message ("Fra: … /
 * Sendt: … / Til: … / Emne: …"): their dates are when a mail was sent, not when anything stops. A
 * notice's own labelled lines ("Dato: 12.03.2026", "Fra: 12.03 kl 16 / Til: 12.03 kl 20") look the
 * same one by one, so only a run that names an address or a subject counts as a client's block.
 */
final class QuotedHeaders {
    private static final Pattern HEADER = Pattern.compile(
            "^[\\s>*]*(sent|sendt|date|dato|datum|from|fra|to|til|cc|kopi|subject|emne|betreff|gesendet|von|an)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BLOCK_MARK = Pattern.compile("@|^[\\s>*]*(subject|emne|betreff)\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WROTE = Pattern.compile("\\b(wrote|skrev|schrieb)\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private QuotedHeaders() {}

    static String strip(String text) {
        String[] lines = text.split("\n", -1);
        boolean[] drop = new boolean[lines.length];
        int i = 0;
        while (i < lines.length) {
            if (!HEADER.matcher(lines[i]).find()) {
                drop[i] = WROTE.matcher(lines[i]).find();
                i++;
                continue;
            }
            int end = i;
            boolean marked = false;
            while (end < lines.length && HEADER.matcher(lines[end]).find()) {
                marked |= BLOCK_MARK.matcher(lines[end]).find();
                end++;
            }
            // One "Fra: ola@x.no" line is a block too; two labelled times without an address are the notice's own.
            if (marked) {
                for (int j = i; j < end; j++) {
                    drop[j] = true;
                }
            }
            i = end;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int j = 0; j < lines.length; j++) {
            if (!drop[j]) {
                out.append(lines[j]);
            }
            if (j < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
