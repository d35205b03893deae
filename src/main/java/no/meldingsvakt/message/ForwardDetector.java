package no.meldingsvakt.message;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the original message inside a forward: an enclosed message/rfc822 part, or the header
 * block that Outlook, Gmail, Thunderbird, Apple Mail and webmail clients write above the forwarded
 * text, in Norwegian, English or German. A reply quotes the same kind of block, so a message whose
 * subject starts with a reply prefix (SV:, RE:, AW:) is never taken for a forward.
 */
final class ForwardDetector {
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^\\s*(\\[[^\\]]*\\]\\s*)*(sv|re|aw|antw)\\s*(\\[\\d+\\])?\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_PREFIX = Pattern.compile(
            "^\\s*(\\[[^\\]]*\\]\\s*)*(vs|fw|fwd|wg|tr|videresend)\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(?:den|on|am|le)\\s+(?<when>.{4,60}?),?\\s+(?:skrev|wrote|schrieb|a écrit)\\s+(?<who>.{3,200}?)\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A notice passed from colleague to colleague: how many forwards deep its original is looked for. */
    private static final int MAX_DEPTH = 4;
    private static final Pattern MARKER = Pattern.compile(
            "^[\\s>]*-{2,}\\s*(forwarded message|videresendt melding|videresendt e-post|weitergeleitete nachricht|"
                    + "original message|opprinnelig melding|opprinneleg melding|ursprüngliche nachricht|original-nachricht)\\s*-*\\s*$"
                    + "|^[\\s>]*(begin forwarded message|start på videresendt melding|videresendt melding|anfang der weitergeleiteten nachricht)\\s*:?\\s*$"
                    + "|^[\\s>]*_{8,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER = Pattern.compile(
            "^[\\s>*]*(from|fra|von|frå|sent|sendt|date|dato|datum|to|til|an|cc|kopi|subject|emne|betreff|reply-to|svar til)\\s*\\*?\\s*:\\s*\\*?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final int MAX_LEAD_LINES = 400;

    private ForwardDetector() {}

    /**
     * @param enclosed the first message/rfc822 part, already read
     */
    static Optional<Forward> find(String subject, String text, Optional<ParsedMessage> enclosed) {
        if (REPLY_PREFIX.matcher(subject).find()) {
            return Optional.empty();
        }
        if (enclosed.isPresent()) {
            ParsedMessage m = enclosed.get();
            if (FORWARD_PREFIX.matcher(m.subject()).find() && m.forward().isPresent()) {
                return m.forward(); // an attached forward: its own original is the notice
            }
            String body = join(m.text(), m.documentText());
            return Optional.of(new Forward(m.fromAddress(), m.fromName(), m.subject(), m.date(), "", body, "rfc822"));
        }
        Optional<Forward> inline = inline(text).map(ForwardDetector::innermost);
        return inline.isPresent() || !FORWARD_PREFIX.matcher(subject).find() ? inline : attributed(subject, text);
    }

    /**
     * A forward some clients write like a reply: "Den 12.01.2026 09:14, skrev Hemit <ma@helse-midt.no>:"
     * above the quoted notice. Only under a forward's subject, since a reply quotes the same way.
     */
    private static Optional<Forward> attributed(String subject, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < Math.min(lines.length, MAX_LEAD_LINES); i++) {
            Matcher m = ATTRIBUTION.matcher(lines[i]);
            if (m.find()) {
                Matcher a = ADDRESS.matcher(m.group("who"));
                if (!a.find()) {
                    return Optional.empty();
                }
                String name = m.group("who").replaceAll("<[^>]*>|\"", "").replace(a.group(), "").strip();
                StringBuilder body = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    body.append(lines[j].replaceFirst("^> ?", "")).append('\n');
                }
                return Optional.of(new Forward(Optional.of(a.group().toLowerCase(Locale.ROOT)), name.isEmpty() ? Optional.empty() : Optional.of(name),
                        FORWARD_PREFIX.matcher(subject).replaceFirst("").strip(), Optional.empty(), m.group("when").strip(), body.toString().strip(),
                        "quoted"));
            }
        }
        return Optional.empty();
    }

    /**
     * "VS: VS: …" forwarded from colleague to colleague holds the partner's notice one block further
     * down: a forwarded message whose own subject says it is a forward is opened again.
     */
    private static Forward innermost(Forward f) {
        Forward current = f;
        for (int depth = 1; depth < MAX_DEPTH && FORWARD_PREFIX.matcher(current.subject()).find(); depth++) {
            Optional<Forward> inner = inline(current.text());
            if (inner.isEmpty()) {
                break;
            }
            current = inner.get();
        }
        return current;
    }

    private static Optional<Forward> inline(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < Math.min(lines.length, MAX_LEAD_LINES); i++) {
            Matcher marker = MARKER.matcher(lines[i]);
            boolean markerLine = marker.find();
            int start = markerLine ? i + 1 : i;
            Optional<Block> block = block(lines, start);
            if (block.isPresent() && (markerLine || block.get().outlookLike())) {
                Block b = block.get();
                String form = form(markerLine ? lines[i] : "", b);
                return Optional.of(b.forward(lines, form));
            }
        }
        return Optional.empty();
    }

    private static String form(String marker, Block b) {
        String m = marker.toLowerCase(Locale.ROOT);
        if (m.contains("begin forwarded") || m.contains("start på videresendt")) {
            return "apple";
        }
        // Gmail's rule is ten dashes, Thunderbird's eight.
        if (m.startsWith("----------") && (m.contains("forwarded message") || m.contains("videresendt melding"))) {
            return "gmail";
        }
        if (m.matches("\\s*-------- .*") || b.first.equals("subject")) {
            return "thunderbird";
        }
        return "outlook";
    }

    /** A header block: at least a sender and a subject, in the first lines after {@code from}. */
    private static Optional<Block> block(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank() && i < from + 3) {
            i++;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String first = null;
        int end = i;
        String last = null;
        for (; end < lines.length && end < i + 14; end++) {
            Matcher h = HEADER.matcher(lines[end]);
            if (h.find()) {
                last = canonical(h.group(1));
                if (first == null) {
                    first = last;
                }
                fields.putIfAbsent(last, h.group(2).strip());
            } else if (lines[end].isBlank()) {
                if (fields.containsKey("from") && fields.containsKey("subject")) {
                    break;
                }
                if (!fields.isEmpty()) {
                    continue; // HTML conversions leave blank lines between the header lines
                }
                return Optional.empty();
            } else if (last != null && fields.size() < 4 && (last.equals("to") || last.equals("cc"))) {
                continue; // a long recipient list wrapped onto the next line
            } else {
                break;
            }
        }
        if (first == null || !fields.containsKey("from") || !fields.containsKey("subject")) {
            return Optional.empty();
        }
        return Optional.of(new Block(first, fields, end));
    }

    private static String canonical(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "from", "fra", "von", "frå" -> "from";
            case "sent", "sendt", "date", "dato", "datum" -> "date";
            case "to", "til", "an" -> "to";
            case "cc", "kopi" -> "cc";
            case "subject", "emne", "betreff" -> "subject";
            default -> "reply-to";
        };
    }

    private record Block(String first, Map<String, String> fields, int end) {
        boolean outlookLike() {
            return first.equals("from") && fields.containsKey("date");
        }

        Forward forward(String[] lines, String form) {
            String from = fields.get("from");
            Optional<String> address = Optional.empty();
            Matcher a = ADDRESS.matcher(from);
            if (a.find()) {
                address = Optional.of(a.group().toLowerCase(Locale.ROOT));
            }
            String name = from.replaceAll("\\[mailto:[^\\]]*\\]|<[^>]*>|\"", "").replace(address.orElse("\u0000"), "").strip();
            return new Forward(address, name.isEmpty() ? Optional.empty() : Optional.of(name), subject(), Optional.empty(),
                    fields.getOrDefault("date", ""), body(lines), form);
        }

        private String subject() {
            return MessageReader.decode(fields.get("subject"));
        }

        private String body(String[] lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = end; i < lines.length; i++) {
                sb.append(lines[i].replaceFirst("^> ?", "")).append('\n');
            }
            return sb.toString().strip();
        }
    }

    private static String join(String a, String b) {
        return b.isBlank() ? a : a + "\n\n" + b;
    }
}
