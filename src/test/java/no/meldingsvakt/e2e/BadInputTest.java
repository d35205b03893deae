package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.NURSE;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import no.meldingsvakt.testing.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken, oversized and repeated messages are kept, reported and never block the ones behind them. */
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PARTNER = "kari@hemit.test";
    @TempDir
    Path dir;
    MailWorld world;
    MailServer mail;
    Harness harness;

    void start(String extraYaml) {
        world = MailWorld.start(dir, extraYaml, PARTNER);
        mail = world.mail;
        harness = world.harness;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void message_without_any_header_is_quarantined_reported_and_does_not_block_the_next() {
        start("");
        byte[] garbage = "\u0000\u0001 this is not a mail message at all\r\n".getBytes(StandardCharsets.ISO_8859_1);
        mail.deliverDirect(garbage, MAILBOX);
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);

        harness.awaitProcessed(2, WAIT);
        harness.awaitIdleOutbox(WAIT);
        assertThat(mail.messages(MAILBOX, "Meldingsvakt.Karantene")).hasSize(1);
        assertThat(mail.messages(MAILBOX, "Meldingsvakt.Behandlet")).hasSize(1);
        assertThat(mail.inbox(MAILBOX)).isEmpty();
        List<String> itSubjects = mail.inbox(IT).stream().map(Mails::subject).toList();
        assertThat(itSubjects).anyMatch(s -> s.startsWith("[Meldingsvakt] E-post kunne ikke leses"))
                .anyMatch(s -> s.startsWith("[Meldingsvakt] Feil i meldingsutveksling"));
        assertThat(Rows.query(harness.service().store(), "SELECT status, reason FROM messages ORDER BY uid").get(0))
                .containsExactly("quarantined", "no From, Subject or Message-ID header: not a mail message");
    }

    @Test
    void broken_mime_body_is_still_read_and_passed_on() {
        start("");
        mail.send(Emails.errorNotice().from(PARTNER)
                .contentType("multipart/mixed; boundary=\"nope\"")
                .body("--wrong\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\nTekst\r\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox(PARTNER, 1, WAIT)).hasSize(1);
    }

    @Test
    void oversized_message_is_classified_from_its_header_and_announced_without_attachment() throws Exception {
        start("    max_message_mb: 1\n");
        String big = "x".repeat(100).concat("\n").repeat(12_000);
        mail.send(Emails.plannedNotice().body(big).bytes(), MAILBOX);

        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        assertThat(copy.getSubject()).startsWith("[Meldingsvakt] Planlagt stopp:");
        Multipart mixed = (Multipart) copy.getContent();
        assertThat(mixed.getCount()).as("no attachment").isEqualTo(1);
        String text = (String) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("var for stor").contains("Meldingsvakt.Behandlet");
        assertThat(copy.getSize()).isLessThan(50_000);
    }

    @Test
    void same_message_id_delivered_twice_is_processed_once() {
        start("");
        Emails notice = Emails.errorNotice().from(PARTNER);
        mail.send(notice.bytes(), MAILBOX);
        mail.send(notice.bytes(), MAILBOX);
        harness.awaitProcessed(2, WAIT);
        harness.awaitIdleOutbox(WAIT);
        assertThat(mail.inbox(IT)).hasSize(1);
        assertThat(mail.inbox(PARTNER)).hasSize(1);
        assertThat(Rows.query(harness.service().store(), "SELECT status FROM messages ORDER BY uid")).extracting(r -> r[0])
                .containsExactly("processed", "duplicate");
    }

    @Test
    void crlf_in_display_names_and_reply_to_is_neither_injected_nor_a_reason_to_hold_the_notice() throws Exception {
        start("");
        // Stored as the MTA would: a well-behaved SMTP client refuses this From for its envelope.
        mail.deliverDirect(("From: =?utf-8?Q?Kari=0D=0ABcc:_evil@attacker.test?= <kari@hemit.test>\r\nTo: " + MAILBOX
                + "\r\nSubject: =?utf-8?Q?Feil_i_meldingsutveksling=0D=0AX-Injected:_yes?=\r\nMessage-ID: <h12@t>\r\n"
                + "Reply-To: =?utf-8?Q?x=0D=0ABcc:_evil@attacker.test?= <kari@hemit.test>\r\n\r\nHei\r\n").getBytes(StandardCharsets.US_ASCII), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        MimeMessage receipt = mail.awaitInbox(PARTNER, 1, WAIT).get(0);
        for (MimeMessage m : List.of(copy, receipt)) {
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(m.getHeader("X-Injected")).isNull();
        }
        assertThat(mail.inbox("evil@attacker.test")).isEmpty();
        assertThat(Rows.query(harness.service().store(), "SELECT status FROM messages").get(0)[0]).isEqualTo("processed");
    }

    @Test
    void crlf_in_the_subject_cannot_inject_a_header_into_outgoing_mail() throws Exception {
        start("");
        byte[] raw = ("From: kari@hemit.test\r\nTo: " + MAILBOX + "\r\nSubject: =?utf-8?Q?Feil_i_meldingsutveksling=0D=0ABcc:_evil@attacker.test?=\r\n"
                + "Message-ID: <inject@hemit.test>\r\n\r\nHei\r\n").getBytes(StandardCharsets.US_ASCII);
        mail.send(raw, MAILBOX);
        MimeMessage receipt = mail.awaitInbox(PARTNER, 1, WAIT).get(0);
        assertThat(receipt.getHeader("Bcc")).isNull();
        assertThat(mail.awaitInbox(IT, 1, WAIT).get(0).getHeader("Bcc")).isNull();
        assertThat(mail.inbox("evil@attacker.test")).isEmpty();
    }

}
