package no.meldingsvakt.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words. Jakarta's decoder handles each word on its own, but real clients split
 * one character's bytes across two words when they fold a long subject: adjacent words in the same
 * charset and encoding are joined as bytes before they are decoded, as Thunderbird and Outlook do.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private EncodedWords() {}

    static String decode(String value) {
        Matcher m = WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int plainFrom = 0;
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        String runKey = null;
        Charset runCharset = null;
        while (m.find()) {
            String between = value.substring(plainFrom, m.start());
            String charsetName = m.group(1).replaceFirst("\\*.*$", ""); // RFC 2231 language suffix
            if (!supported(charsetName)) {
                // A broken word is text as it stands: it must not take the space before it, nor join a run.
                flush(out, run, runCharset);
                runKey = null;
                out.append(between).append(m.group());
                plainFrom = m.end();
                continue;
            }
            String key = charsetName.toLowerCase(Locale.ROOT) + "?" + m.group(2).toUpperCase(Locale.ROOT);
            boolean adjacent = runKey != null && between.isBlank();
            if (!adjacent || !key.equals(runKey)) {
                flush(out, run, runCharset);
                // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
                if (!(runKey != null && between.isBlank())) {
                    out.append(between);
                }
                runKey = key;
                runCharset = charset(charsetName);
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : quoted(m.group(3));
            run.writeBytes(bytes);
            plainFrom = m.end();
        }
        flush(out, run, runCharset);
        out.append(value.substring(plainFrom));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream run, Charset charset) {
        if (run.size() > 0) {
            out.append(new String(run.toByteArray(), charset));
            run.reset();
        }
    }

    private static boolean supported(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Charset charset(String name) {
        try {
            Charset c = Charset.forName(name);
            // Mail that says iso-8859-1 is nearly always windows-1252 (quotes, dashes, the euro sign).
            return c.name().equals("ISO-8859-1") || c.name().equals("US-ASCII") ? FALLBACK : c;
        } catch (IllegalArgumentException e) {
            return FALLBACK;
        }
    }

    private static byte[] base64(String s) {
        StringBuilder clean = new StringBuilder(s.replaceAll("[^A-Za-z0-9+/]", ""));
        while (clean.length() % 4 != 0) {
            clean.append('=');
        }
        try {
            return Base64.getDecoder().decode(clean.toString());
        } catch (IllegalArgumentException e) {
            return s.getBytes(FALLBACK);
        }
    }

    private static byte[] quoted(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && hex(s, i + 1)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static boolean hex(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }
}
