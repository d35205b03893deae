package no.meldingsvakt.testing;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Named builders for the mail a meldingsansvarlig mailbox receives. Produces raw RFC 5322 bytes. */
public final class Emails {
    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String MAILBOX = "meldingsansvarlig@kommune.test";

    private String from = "Kari Nordmann <kari@hemit.test>";
    private String to = MAILBOX;
    private String subject = "Feil i meldingsutveksling";
    private String messageId = "<test-" + SEQ.incrementAndGet() + "-" + System.nanoTime() + "@hemit.test>";
    private String body = "Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 48 00 00\n"
            + "Tidspunkt hendelsen oppstod: 12.03.2026 kl. 08:15\nBerørt tjeneste: PLO\n";
    private final List<String> headers = new ArrayList<>();
    private final List<String> top = new ArrayList<>();
    private String contentType = "text/plain; charset=utf-8";
    private String date = "Thu, 12 Mar 2026 09:00:00 +0100";

    public static Emails message() {
        return new Emails();
    }

    public static Emails errorNotice() {
        return message().subject("Feil i meldingsutveksling");
    }

    public static Emails plannedNotice() {
        return message().from("Hemit <meldingsansvarlig@helse-midt.test>")
                .subject("Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF 12.03.2026 kl. 16:00-20:00")
                .body("Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 57 30 00\n"
                        + "Tidspunkt for nedetid: 12.03.2026 kl. 16:00-20:00\nBerørt tjeneste: PLO og helsestasjon\n"
                        + "Denne e-posten skal ikke besvares.\n");
    }

    public static Emails inquiry() {
        return message().from("Ola Hansen <ola@nabokommune.test>").subject("Spørsmål om adresse for PLO-meldinger")
                .body("Hei, hvilken adresse skal vi bruke?\n");
    }

    public Emails from(String v) {
        from = v;
        return this;
    }

    public Emails to(String v) {
        to = v;
        return this;
    }

    public Emails subject(String v) {
        subject = v;
        return this;
    }

    public Emails messageId(String v) {
        messageId = v;
        return this;
    }

    public Emails noMessageId() {
        messageId = null;
        return this;
    }

    /** The Date header, as the sender's clock in Oslo wrote it. */
    public Emails date(java.time.Instant at) {
        date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(java.time.ZoneId.of("Europe/Oslo")));
        return this;
    }

    public Emails body(String v) {
        body = v;
        return this;
    }

    public Emails contentType(String v) {
        contentType = v;
        return this;
    }

    public Emails header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** A field above all others, where the receiving server writes its own (added last stands first). */
    public Emails prepend(String name, String value) {
        top.add(0, name + ": " + value);
        return this;
    }

    /**
     * What the organisation's receiving server {@code mx.kommune.test} writes after checking DMARC
     * for the From domain: its Authentication-Results above its Received line.
     */
    public Emails dmarc(String result) {
        String domain = from.replaceAll(".*@", "").replaceAll(">.*", "").strip();
        return prepend("Received", "from mail." + domain + " by mx.kommune.test with ESMTPS; Thu, 12 Mar 2026 09:00:01 +0100")
                .prepend("Authentication-Results", "mx.kommune.test; dmarc=" + result + " (p=reject dis=none) header.from=" + domain);
    }

    public String subjectValue() {
        return subject;
    }

    public String messageIdValue() {
        return messageId;
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        top.forEach(h -> sb.append(h).append("\r\n"));
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: ").append(to).append("\r\n");
        sb.append("Subject: ").append(encode(subject)).append("\r\n");
        sb.append("Date: ").append(date).append("\r\n");
        if (messageId != null) {
            sb.append("Message-ID: ").append(messageId).append("\r\n");
        }
        headers.forEach(h -> sb.append(h).append("\r\n"));
        sb.append("MIME-Version: 1.0\r\n");
        sb.append("Content-Type: ").append(contentType).append("\r\n");
        sb.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        sb.append(body.replace("\r\n", "\n").replace("\n", "\r\n"));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        try {
            return MimeUtility.encodeText(s, "UTF-8", "Q");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
