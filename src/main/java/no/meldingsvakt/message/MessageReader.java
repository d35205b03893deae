package no.meldingsvakt.message;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads raw RFC 5322 bytes into a {@link ParsedMessage}. Stateless and thread-safe. */
public final class MessageReader {
    private static final int MAX_NESTING = 3;
    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");
    private final Session session;

    public MessageReader() {
        Properties p = new Properties();
        // Real mail is sloppy; be as forgiving as the mail clients people use.
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        this.session = Session.getInstance(p);
    }

    /**
     * Parses a whole message. Throws {@link UnreadableMessageException} only when the bytes carry
     * no usable header at all; a broken body degrades to whatever text could be recovered.
     */
    public ParsedMessage read(byte[] raw) throws UnreadableMessageException {
        return read(raw, false);
    }

    /** Parses a message of which only the header block was fetched (oversized messages). */
    public ParsedMessage readHeadersOnly(byte[] headerBlock) throws UnreadableMessageException {
        return read(headerBlock, true);
    }

    private ParsedMessage read(byte[] raw, boolean headersOnly) throws UnreadableMessageException {
        return read(raw, headersOnly, 0);
    }

    private ParsedMessage read(byte[] raw, boolean headersOnly, int nesting) throws UnreadableMessageException {
        MimeMessage m;
        try {
            m = new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableMessageException("cannot parse message header: " + e.getMessage(), e);
        }
        Headers headers = new Headers();
        try {
            Enumeration<Header> all = m.getAllHeaders();
            while (all.hasMoreElements()) {
                Header h = all.nextElement();
                headers.add(h.getName(), eightBit(unfold(h.getValue())));
            }
        } catch (MessagingException e) {
            throw new UnreadableMessageException("cannot read header fields: " + e.getMessage(), e);
        }
        if (!headers.has("From") && !headers.has("Subject") && !headers.has("Message-ID")) {
            throw new UnreadableMessageException("no From, Subject or Message-ID header: not a mail message", null);
        }
        String subject = Clean.line(headers.first("Subject").map(MessageReader::decode).orElse(""));
        Optional<InternetAddress> from = firstAddress(headers.first("From"));
        Optional<InternetAddress> replyTo = firstAddress(headers.first("Reply-To"));
        Optional<Instant> date = Optional.empty();
        try {
            date = Optional.ofNullable(m.getSentDate()).map(java.util.Date::toInstant);
        } catch (MessagingException | RuntimeException ignored) {
            // An unparseable Date header is common and harmless; arrival time is used instead.
        }
        String contentType = headers.first("Content-Type").map(v -> v.toLowerCase(Locale.ROOT)).orElse("text/plain");
        BodyText body = headersOnly ? new BodyText() : new BodyText().collect(m);
        Optional<ParsedMessage> enclosed = Optional.empty();
        if (body.enclosed().isPresent() && nesting < MAX_NESTING) {
            try {
                enclosed = Optional.of(read(body.enclosed().get(), false, nesting + 1));
            } catch (UnreadableMessageException e) {
                // An attached message without a header is just an attachment.
            }
        }
        // A delivery report carries the returned mail, but it comes from a mail server: never a forward.
        Optional<Forward> forward = report(contentType, subject) ? Optional.empty() : ForwardDetector.find(subject, body.text(), enclosed);
        return new ParsedMessage(
                headers.first("Message-ID").flatMap(MessageReader::firstId),
                ids(headers.first("In-Reply-To")),
                ids(headers.first("References")),
                subject,
                from.map(a -> a.getAddress().toLowerCase(Locale.ROOT)),
                from.map(InternetAddress::getPersonal).map(Clean::line),
                replyTo.map(a -> a.getAddress().toLowerCase(Locale.ROOT)),
                date,
                headers,
                contentType,
                body.text(),
                body.documentText(),
                forward,
                raw,
                headersOnly);
    }

    private static final Pattern REPORT_SUBJECT = Pattern.compile(
            "^\\s*(undeliverable|undelivered mail|unzustellbar|ikke levert|kan ikke leveres|levering mislyktes|leveringen mislyktes|delivery status notification"
                    + "|delivery (has )?failed|delivery failure|mail delivery (failed|subsystem)|returned mail|failure notice|message not delivered"
                    + "|uleverbar|leveringsstatusvarsel)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean report(String contentType, String subject) {
        return contentType.startsWith("multipart/report") || REPORT_SUBJECT.matcher(subject).find();
    }

    static String decode(String value) {
        try {
            return EncodedWords.decode(unfold(value)).replaceAll("[\\r\\n\\t]+", " ").strip();
        } catch (RuntimeException e) {
            return value.strip();
        }
    }

    /**
     * Jakarta reads header bytes as ISO-8859-1. Raw 8-bit headers are mostly UTF-8 nowadays (and
     * windows-1252 from old clients): take UTF-8 when the bytes are valid UTF-8, else windows-1252.
     */
    static String eightBit(String v) {
        if (v.chars().noneMatch(c -> c >= 0x80)) {
            return v;
        }
        byte[] bytes = v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String unfold(String v) {
        return v == null ? "" : v.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    private static Optional<InternetAddress> firstAddress(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress[] list = InternetAddress.parseHeader(header.get(), false);
            for (Address a : list) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null && valid(ia.getAddress())) {
                    return Optional.of(ia);
                }
            }
        } catch (MessagingException | RuntimeException ignored) {
            // Fall through to the lenient scan below.
        }
        Matcher at = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+").matcher(header.get());
        while (at.find()) {
            if (valid(at.group())) {
                try {
                    return Optional.of(new InternetAddress(at.group(), false));
                } catch (MessagingException ignored) {
                    // Not an address after all; try the next candidate.
                }
            }
        }
        return Optional.empty();
    }

    /** Only an address that can be written into an outgoing header as it is: mail is never sent anywhere else. */
    private static boolean valid(String address) {
        try {
            new InternetAddress(address, true).validate();
            return address.indexOf('@') > 0 && !address.matches(".*[\\s\\x00-\\x1f].*");
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Optional<String> firstId(String header) {
        Matcher m = MSG_ID.matcher(header);
        return m.find() ? Optional.of(m.group()) : header.isBlank() ? Optional.empty() : Optional.of("<" + header.strip() + ">");
    }

    private static List<String> ids(Optional<String> header) {
        List<String> out = new ArrayList<>();
        header.ifPresent(h -> {
            Matcher m = MSG_ID.matcher(h);
            while (m.find()) {
                out.add(m.group());
            }
        });
        return List.copyOf(out);
    }
}
