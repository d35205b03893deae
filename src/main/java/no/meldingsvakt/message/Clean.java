package no.meldingsvakt.message;

import java.util.regex.Pattern;

/**
 * Text from a mail made safe to show: no control characters (a CR/LF in an encoded display name
 * would forge a log line or a line of a staff copy), no line or paragraph separators, no bidi
 * overrides that turn a file name around. Applied where the message is read, so every later use
 * (logs, templates, headers, the store) gets clean values.
 */
public final class Clean {
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]+");
    /** A display name, subject or file name longer than this is cut: nothing a person writes is longer. */
    public static final int MAX_LINE = 998;

    private Clean() {}

    /** One line of text: control characters become a space, the result is trimmed and bounded. */
    public static String line(String v) {
        if (v == null) {
            return "";
        }
        String s = UNSAFE.matcher(v.length() > 4 * MAX_LINE ? v.substring(0, 4 * MAX_LINE) : v).replaceAll(" ").strip();
        return s.length() > MAX_LINE ? s.substring(0, MAX_LINE) : s;
    }
}
