package no.meldingsvakt.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Walks a MIME tree once: the readable body (plain text preferred, HTML turned into text), the
 * text of PDF and Word attachments, and the first enclosed message (a forward as an attachment).
 * One broken part never hides the rest of the message.
 */
final class BodyText {
    private static final int MAX_PARTS = 500;
    private static final int MAX_DEPTH = 20;
    private static final int MAX_DOCUMENTS = 5;
    private static final int MAX_ENCLOSED_BYTES = 25 * 1024 * 1024;
    /** Notices are a page or two; a body longer than this is read no further. */
    static final int MAX_TEXT = 500_000;

    private int parts;
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<String> documents = new ArrayList<>();
    private byte[] enclosed;

    String text() {
        String text = plain.length() > 0 ? plain.toString() : html.toString();
        return bounded(text.replace("\r\n", "\n").replace('\u00a0', ' ').strip());
    }

    String documentText() {
        return bounded(String.join("\n\n", documents).replace("\r\n", "\n").replace('\u00a0', ' ').strip());
    }

    /**
     * Every pattern that reads a notice runs on this text, so it is bounded here: at most
     * {@link #MAX_TEXT} characters, and no line longer than RFC 5322's 998 (a longer one is broken
     * into pieces). A pattern that is slow on long lines then stays fast on any input.
     */
    static String bounded(String text) {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        StringBuilder out = null;
        int lineStart = 0;
        for (int i = 0; i <= t.length(); i++) {
            if (i == t.length() || t.charAt(i) == '\n') {
                if (i - lineStart > Clean.MAX_LINE) {
                    if (out == null) {
                        out = new StringBuilder(t.length() + 64).append(t, 0, lineStart);
                    }
                    for (int p = lineStart; p < i; p += Clean.MAX_LINE) {
                        out.append(t, p, Math.min(i, p + Clean.MAX_LINE));
                        if (p + Clean.MAX_LINE < i) {
                            out.append('\n');
                        }
                    }
                } else if (out != null) {
                    out.append(t, lineStart, i);
                }
                if (out != null && i < t.length()) {
                    out.append('\n');
                }
                lineStart = i + 1;
            }
        }
        return out == null ? t : out.toString();
    }

    Optional<byte[]> enclosed() {
        return Optional.ofNullable(enclosed);
    }

    BodyText collect(Part root) {
        walk(root, 0);
        return this;
    }

    private void walk(Part p, int depth) {
        if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
            return;
        }
        try {
            if (p.isMimeType("multipart/*")) {
                Object content = p.getContent();
                if (content instanceof Multipart mp) {
                    boolean alternative = p.isMimeType("multipart/alternative");
                    int plainBefore = plain.length();
                    for (int i = 0; i < mp.getCount(); i++) {
                        if (alternative && plain.length() > plainBefore) {
                            break;
                        }
                        walk(mp.getBodyPart(i), depth + 1);
                    }
                }
                return;
            }
            if (p.isMimeType("message/rfc822")) {
                if (enclosed == null) {
                    try (InputStream in = p.getInputStream()) {
                        enclosed = in.readNBytes(MAX_ENCLOSED_BYTES);
                    }
                }
                return;
            }
            String name = fileName(p);
            if (p.isMimeType("text/calendar") || p.isMimeType("application/ics") || name.toLowerCase(Locale.ROOT).endsWith(".ics")) {
                if (documents.size() < MAX_DOCUMENTS) {
                    CalendarText.of(text(p)).ifPresent(documents::add);
                }
                return;
            }
            if (AttachmentText.wanted(baseType(p), name)) {
                if (documents.size() < MAX_DOCUMENTS) {
                    try (InputStream in = p.getInputStream()) {
                        byte[] bytes = in.readNBytes(AttachmentText.MAX_INPUT_BYTES + 1);
                        AttachmentText.extract(bytes, name).ifPresent(documents::add);
                    }
                }
                return;
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                return;
            }
            if (p.isMimeType("text/plain")) {
                append(plain, flowed(p, text(p)));
            } else if (p.isMimeType("text/html")) {
                append(html, HtmlText.toText(text(p)));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // One broken part must not hide the rest of the message.
        }
    }

    private static String fileName(Part p) {
        try {
            String name = p.getFileName();
            return name == null ? "" : Clean.line(EncodedWords.decode(name));
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    private static String baseType(Part p) {
        try {
            return new ContentType(p.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    private static void append(StringBuilder sb, String s) {
        if (!s.isBlank()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(s);
        }
    }

    /** RFC 3676: a line ending in a space continues on the next; {@code delsp=yes} drops that space. */
    private static String flowed(Part p, String text) {
        ContentType type;
        try {
            type = new ContentType(p.getContentType());
        } catch (MessagingException | RuntimeException e) {
            return text;
        }
        if (!"flowed".equalsIgnoreCase(type.getParameter("format"))) {
            return text;
        }
        boolean delsp = "yes".equalsIgnoreCase(type.getParameter("delsp"));
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String l = line.startsWith(" ") ? line.substring(1) : line; // space-stuffing
            if (l.endsWith(" ") && !l.equals("-- ")) {
                out.append(delsp ? l.substring(0, l.length() - 1) : l);
            } else {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static String text(Part p) throws MessagingException, IOException {
        try {
            Object c = p.getContent();
            if (c instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // Unknown charset label: read the bytes as windows-1252, which never fails and is
            // what most mislabelled Norwegian mail really is.
        }
        try (InputStream in = p.getInputStream()) {
            return new String(in.readNBytes(5 * 1024 * 1024), Charset.forName("windows-1252"));
        }
    }
}
