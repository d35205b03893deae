package no.meldingsvakt.interop;

import no.meldingsvakt.store.Rows;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.RealMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and hostile messages delivered through real IMAP: none stops the watcher, each is
 * processed or quarantined with a reason, no outgoing header can be injected, and the notice
 * behind them all is processed.
 */
class HostileInputIT {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String HEAD = "From: kari@hemit.test\r\nTo: " + Emails.MAILBOX + "\r\nDate: Thu, 12 Mar 2026 09:00:00 +0100\r\n";
    @TempDir
    Path dir;
    Harness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    static Map<String, byte[]> corpus() throws Exception {
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("truncated MIME", ascii(HEAD + "Subject: Feil i meldingsutveksling\r\nMessage-ID: <h1@t>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nTelefon 72 48 00 00 og så bryt"));
        c.put("missing boundary", ascii(HEAD + "Subject: Manglende kvittering\r\nMessage-ID: <h2@t>\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nhei\r\n--x--\r\n"));
        c.put("duplicated boundaries", ascii(HEAD + "Subject: Viktig informasjon om meldingsutveksling\r\nMessage-ID: <h3@t>\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n\r\nA\r\n--b--\r\n--b--\r\n"));
        c.put("unknown charset", ascii(HEAD + "Subject: =?x-klingon?Q?Feil_i_meldingsutveksling?=\r\nMessage-ID: <h4@t>\r\n"
                + "Content-Type: text/plain; charset=x-klingon\r\n\r\nqapla'\r\n"));
        c.put("invalid encoded words", ascii(HEAD + "Subject: =?utf-8?Q?Feil_i_=ZZ_meldings?= =?utf-8?B?!!!?= =?broken\r\nMessage-ID: <h5@t>\r\n\r\nx\r\n"));
        c.put("NUL bytes", ascii(HEAD + "Subject: Feil i\u0000meldingsutveksling\r\nMessage-ID: <h6@t>\r\n\r\nnul\u0000byte\u0000her\r\n"));
        c.put("10 000 nested parts", nested(10_000));
        c.put("50 MB attachment", attachment("Planlagt stopp/forsinkelse i meldingstrafikk", "<h8@t>", "application/pdf", "stor.pdf", new byte[50 * 1024 * 1024]));
        c.put("compressed-bomb DOCX", attachment("Feil i meldingsutveksling", "<h9@t>",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "varsel.docx", zipBomb()));
        c.put("spinning PDF", attachment("Feil i meldingsutveksling", "<h10@t>", "application/pdf", "varsel.pdf",
                ascii("%PDF-1.4\n1 0 obj << /Type /Pages /Kids [1 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R /Prev 0 >>\nstartxref 0\n%%EOF")));
        c.put("header line over 100 kB", ascii(HEAD + "Subject: Feil i meldingsutveksling " + "x".repeat(150_000) + "\r\nMessage-ID: <h11@t>\r\n\r\nx\r\n"));
        c.put("CRLF injection", ascii("From: =?utf-8?Q?Kari=0D=0ABcc:_evil@attacker.test?= <kari@hemit.test>\r\nTo: " + Emails.MAILBOX
                + "\r\nSubject: =?utf-8?Q?Feil_i_meldingsutveksling=0D=0AX-Injected:_yes?=\r\nMessage-ID: <h12@t>\r\n"
                + "Reply-To: =?utf-8?Q?x=0D=0ABcc:_evil@attacker.test?= <kari@hemit.test>\r\n\r\nHei\r\n"));
        c.put("no header at all", ascii("\u0000\u0001\u0002 garbage without headers\r\n"));
        return c;
    }

    @Test
    void hostile_messages_neither_stop_the_watcher_nor_inject_headers() throws Exception {
        RealMail real = RealMail.require();
        real.users().forEach(real::purge);
        harness = new Harness(dir, Harness.yaml(dir, real.imapYaml(real.port("imaps")), real.smtpYaml(), ""));
        harness.start();
        Map<String, byte[]> corpus = corpus();
        for (byte[] raw : corpus.values()) {
            real.append(Emails.MAILBOX, raw);
        }
        Emails behind = Emails.errorNotice().from("ola@nabokommune.test").subject("Feil i meldingsutveksling etter søpla");
        real.append(Emails.MAILBOX, behind.bytes());

        harness.awaitProcessed(corpus.size() + 1, WAIT);
        harness.awaitIdleOutbox(WAIT);
        List<String[]> rows = Rows.query(harness.service().store(), "SELECT status, coalesce(reason, '') FROM messages ORDER BY uid");
        assertThat(rows).hasSize(corpus.size() + 1);
        assertThat(rows).allSatisfy(r -> assertThat(r[0]).isIn("processed", "quarantined"));
        assertThat(rows).filteredOn(r -> r[0].equals("quarantined")).as("only the message with no header at all")
                .singleElement().satisfies(r -> assertThat(r[1]).contains("not a mail message"));
        assertThat(real.inbox(Emails.MAILBOX)).as("nothing left behind").isEmpty();
        assertThat(real.inbox("ola@nabokommune.test")).as("the notice behind them got its receipt").hasSize(1);
        for (String user : real.users()) {
            for (MimeMessage m : real.inbox(user)) {
                assertThat(m.getHeader("Bcc")).as("Bcc in mail to " + user).isNull();
                assertThat(m.getHeader("X-Injected")).as("injected header in mail to " + user).isNull();
            }
        }
        assertThat(harness.service().health("kommune").lastWatched()).isPresent();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] nested(int depth) {
        StringBuilder sb = new StringBuilder(HEAD + "Subject: Feil i meldingsutveksling\r\nMessage-ID: <h7@t>\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            sb.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=b").append(i + 1).append("\r\n\r\n");
        }
        sb.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\ninnerst\r\n");
        for (int i = depth; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }
        return ascii(sb.toString());
    }

    private static byte[] attachment(String subject, String id, String type, String name, byte[] content) {
        String b64 = Base64.getMimeEncoder().encodeToString(content);
        return ascii(HEAD + "Subject: " + subject + "\r\nMessage-ID: " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSe vedlegg.\r\n--b\r\nContent-Type: " + type + "; name=" + name
                + "\r\nContent-Disposition: attachment; filename=" + name + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n");
    }

    /** A DOCX-shaped zip whose document.xml inflates from about 200 kB to 200 MB. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(ascii("<Types/>"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
