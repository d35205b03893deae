package no.meldingsvakt.outbound;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import no.meldingsvakt.template.Rendered;

/**
 * Builds the bytes of every mail Meldingsvakt sends. Every header value that came from a
 * partner's mail passes through {@link #headerSafe} so no line break can smuggle in a header.
 */
public final class MailFactory {
    private final Session session = Session.getInstance(new Properties());
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Oslo");
    private final Clock clock;
    private final byte[] idKey;

    /** A factory whose Message-IDs are keyed with a fresh random key (tests, the classify dry run). */
    public MailFactory(Clock clock) {
        this(clock, randomKey());
    }

    /**
     * @param idKey the store's secret: Message-IDs are keyed with it, so nobody outside can compute
     *              the id of a copy Meldingsvakt sent, and only a reply to a real copy can answer a case
     */
    public MailFactory(Clock clock, byte[] idKey) {
        this.clock = clock;
        this.idKey = idKey.clone();
    }

    public static byte[] randomKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return k;
    }

    /** The receipt: a reply to the original, marked so that well-behaved robots do not answer it. */
    public byte[] receipt(Sender from, String to, Rendered text, Optional<String> inReplyTo, List<String> references, String messageId) {
        try {
            MimeMessage m = base(from, to, text, messageId);
            inReplyTo.ifPresent(id -> set(m, "In-Reply-To", id));
            StringBuilder refs = new StringBuilder();
            references.forEach(r -> refs.append(r).append(' '));
            inReplyTo.filter(id -> !references.contains(id)).ifPresent(refs::append);
            if (refs.length() > 0) {
                set(m, "References", refs.toString().strip());
            }
            m.setHeader("Auto-Submitted", "auto-replied");
            m.setHeader("Precedence", "auto_reply");
            m.setContent(alternative(text));
            return bytes(m, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build receipt", e);
        }
    }

    /**
     * A person's answer, sent on from the monitored address: a reply in the partner's thread with
     * the copies the routine asks for. Not marked automatic: a person wrote it.
     */
    public byte[] answer(Sender from, String to, List<String> cc, Rendered text, Optional<String> inReplyTo, String messageId) {
        try {
            MimeMessage m = base(from, to, text, messageId);
            for (String c : cc) {
                m.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(c, true));
            }
            inReplyTo.ifPresent(id -> {
                set(m, "In-Reply-To", id);
                set(m, "References", id);
            });
            m.removeHeader("X-Auto-Response-Suppress");
            m.setContent(alternative(text));
            return bytes(m, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build answer", e);
        }
    }

    /** A copy for staff: the Norwegian summary on top and the original attached whole, or a note when it was too big. */
    public byte[] copy(Sender from, String to, Rendered text, Optional<byte[]> original, String messageId) {
        return copy(from, List.of(to), text, original, messageId);
    }

    /**
     * One copy for several recipients, sent to all of them in one SMTP transaction. Its To: names
     * nobody ("undisclosed-recipients"), as a copy to one recipient names only that one: nobody on a
     * list learns from the copy who else is on it.
     */
    public byte[] copy(Sender from, List<String> to, Rendered text, Optional<byte[]> original, String messageId) {
        try {
            MimeMessage m = base(from, to.size() == 1 ? to.get(0) : null, text, messageId);
            m.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart summary = new MimeBodyPart();
            summary.setContent(alternative(text));
            mixed.addBodyPart(summary);
            if (original.isPresent()) {
                mixed.addBodyPart(part(original.get(), "message/rfc822", Part.ATTACHMENT, "opprinnelig-epost.eml"));
            }
            m.setContent(mixed);
            return bytes(m, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build copy", e);
        }
    }

    /** An image shown in the HTML part, referred to there as {@code cid:<contentId>}. */
    public record Inline(String contentId, String fileName, byte[] png) {}

    /** A file attached to a mail. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {}

    /**
     * A report for staff: text and HTML, the HTML's images inline (multipart/related), and files
     * attached. Marked auto-generated, so that no auto-responder answers it.
     */
    public byte[] report(Sender from, String to, Rendered text, List<Inline> images, List<Attachment> files, String messageId) {
        try {
            MimeMessage m = base(from, to, text, messageId);
            m.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart related = new MimeMultipart("related");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative(text));
            related.addBodyPart(body);
            for (Inline i : images) {
                MimeBodyPart img = part(i.png(), "image/png", Part.INLINE, i.fileName());
                img.setContentID("<" + i.contentId() + ">");
                related.addBodyPart(img);
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart relatedPart = new MimeBodyPart();
            relatedPart.setContent(related);
            mixed.addBodyPart(relatedPart);
            for (Attachment a : files) {
                mixed.addBodyPart(part(a.bytes(), a.contentType(), Part.ATTACHMENT, a.fileName()));
            }
            m.setContent(mixed);
            return bytes(m, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build report", e);
        }
    }

    private static MimeBodyPart part(byte[] content, String type, String disposition, String fileName) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        p.setDisposition(disposition);
        p.setFileName(fileName);
        return p;
    }

    private MimeMessage base(Sender from, String to, Rendered text, String messageId) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        try {
            m.setFrom(new InternetAddress(from.address(), headerSafe(from.name()), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (to == null) {
            m.setHeader("To", "undisclosed-recipients:;");
        } else {
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        }
        m.setSubject(headerSafe(text.subject()), "UTF-8");
        // Written by hand: MimeMessage.setSentDate formats under one lock shared by every thread of the process.
        m.setHeader("Date", DATE.format(clock.instant().atZone(ZONE)));
        m.setHeader("Content-Language", "nb");
        m.setHeader("X-Auto-Response-Suppress", "All");
        m.setHeader("X-Mailer", "Meldingsvakt");
        set(m, "Message-ID", messageId);
        return m;
    }

    private static MimeMultipart alternative(Rendered text) throws MessagingException {
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(text.html(), "UTF-8", "html");
        alt.addBodyPart(plain);
        alt.addBodyPart(html);
        return alt;
    }

    private static byte[] bytes(MimeMessage m, String messageId) throws MessagingException {
        m.saveChanges();
        // saveChanges() invents a Message-ID; ours is derived from the effect and must survive a rebuild.
        set(m, "Message-ID", messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot serialise", e);
        }
        return out.toByteArray();
    }

    private static void set(MimeMessage m, String name, String value) {
        try {
            m.setHeader(name, headerSafe(value));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes line breaks and NULs and bounds the length: nothing from a partner's mail may start a new header line. */
    public static String headerSafe(String value) {
        String v = value == null ? "" : value.replaceAll("[\\r\\n\\x00\\t]+", " ").strip();
        return v.length() > 900 ? v.substring(0, 900) : v;
    }

    /**
     * A Message-ID derived from what the mail is for, so the same effect always has the same id
     * (a resend after a crash is recognisably the same mail), keyed with the store's secret so
     * that it cannot be guessed from the effect.
     */
    public String messageId(String dedupeKey, String domain) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(idKey, "HmacSHA256"));
            byte[] h = mac.doFinal(dedupeKey.getBytes(StandardCharsets.UTF_8));
            return "<mv." + HexFormat.of().formatHex(h, 0, 16) + "@" + domain + ">";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who a mail is from: the monitored address and a display name. */
    public record Sender(String address, String name) {}
}
