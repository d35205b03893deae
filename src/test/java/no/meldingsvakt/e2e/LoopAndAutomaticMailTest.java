package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.NURSE;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import no.meldingsvakt.testing.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No receipt to robots, and no endless exchange when a robot answers the receipt. */
class LoopAndAutomaticMailTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PARTNER = "kari@hemit.test";
    @TempDir
    Path dir;
    MailWorld world;
    MailServer mail;
    Harness harness;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, "", PARTNER);
        mail = world.mail;
        harness = world.harness;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static Stream<Emails> robots() {
        return Stream.of(
                Emails.errorNotice().header("Auto-Submitted", "auto-generated"),
                Emails.errorNotice().header("Auto-Submitted", "notification"),
                Emails.errorNotice().header("Auto-Submitted", "auto-notified; owner-email=\"x@hemit.test\""),
                Emails.errorNotice().header("Precedence", "bulk"),
                Emails.errorNotice().header("List-Id", "<varsler.hemit.test>"),
                Emails.errorNotice().header("X-Auto-Response-Suppress", "All"),
                Emails.errorNotice().header("X-Autoreply", "yes"),
                Emails.errorNotice().from("MAILER-DAEMON@hemit.test"),
                Emails.errorNotice().from("noreply@hemit.test"),
                Emails.errorNotice().from(MAILBOX),
                Emails.inquiry().from(PARTNER).contentType("multipart/report; report-type=delivery-status; boundary=\"b\"")
                        .body("--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n--b--\r\n"));
    }

    @ParameterizedTest
    @MethodSource("robots")
    void automatic_mail_gets_no_receipt(Emails robot) {
        mail.send(robot.bytes(), MAILBOX);
        awaitProcessed(1);
        awaitIdleOutbox();
        assertThat(mail.inbox(PARTNER)).isEmpty();
        assertThat(mail.inbox("noreply@hemit.test")).isEmpty();
        assertThat(mail.inbox("MAILER-DAEMON@hemit.test")).isEmpty();
        assertThat(Rows.query(harness.service().store(), "SELECT automatic FROM messages")).extracting(r -> r[0]).doesNotContainNull();
    }

    @Test
    void bounce_with_null_envelope_sender_gets_no_receipt() {
        mail.deliverDirect(Emails.errorNotice().from(PARTNER).header("Return-Path", "<>").bytes(), MAILBOX);
        awaitProcessed(1);
        awaitIdleOutbox();
        assertThat(Rows.query(harness.service().store(), "SELECT automatic FROM messages")).extracting(r -> r[0])
                .containsExactly("empty Return-Path");
        assertThat(mail.inbox(PARTNER)).isEmpty();
        assertThat(mail.inbox(IT)).as("a notice is still passed on").hasSize(1);
    }

    @Test
    void bounce_of_a_redistributed_copy_is_matched_and_reported_to_the_admin_list() throws Exception {
        mail.send(Emails.inquiry().from(PARTNER).bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(LEADER, 1, WAIT).get(0);
        String dsn = "From: MAILER-DAEMON@mx.kommune.test\r\nTo: " + MAILBOX + "\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <dsn-1@mx.kommune.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.kommune.test\r\n\r\n"
                + "Final-Recipient: rfc822; sluttet@kommune.test\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <sluttet@kommune.test>: Recipient address rejected: User unknown\r\n"
                + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + copy.getMessageID() + "\r\nSubject: x\r\n--b--\r\n";
        mail.deliverDirect(dsn.getBytes(java.nio.charset.StandardCharsets.US_ASCII), MAILBOX);

        List<MimeMessage> reports = mail.awaitInbox(IT, 1, WAIT);
        assertThat(reports).extracting(Mails::subject).containsExactly("[Meldingsvakt] Kunne ikke levere til sluttet@kommune.test");
        String text = (String) ((jakarta.mail.Multipart) ((jakarta.mail.Multipart) reports.get(0).getContent()).getBodyPart(0).getContent())
                .getBodyPart(0).getContent();
        assertThat(text).contains("kopi av et varsel").contains("550 5.1.1").contains("MV-");
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='bounce'")).extracting(r -> r[0])
                .containsExactly("copy to sluttet@kommune.test: 550 5.1.1 <sluttet@kommune.test>: Recipient address rejected: User unknown");
        assertThat(mail.inbox(LEADER)).as("a bounce is not passed on as a notice").hasSize(1);
    }

    @Test
    void auto_responder_answering_the_receipt_gets_nothing_back() throws Exception {
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);
        MimeMessage receipt = mail.awaitInbox(PARTNER, 1, WAIT).get(0);
        String ref = receipt.getSubject().replaceAll(".*\\[(MV-[^\\]]+)\\].*", "$1");

        // A well-behaved out-of-office reply, and a badly behaved one that sets no header at all.
        mail.send(Emails.message().from(PARTNER).subject("Automatisk svar: " + receipt.getSubject())
                .header("Auto-Submitted", "auto-replied").header("In-Reply-To", receipt.getMessageID()).bytes(), MAILBOX);
        mail.send(Emails.message().from(PARTNER).subject("Re: " + receipt.getSubject()).body("Jeg er på ferie.").bytes(), MAILBOX);
        awaitProcessed(3);
        awaitIdleOutbox();

        assertThat(mail.inbox(PARTNER)).as("only the first receipt").hasSize(1);
        assertThat(Rows.query(harness.service().store(), "SELECT case_ref FROM messages WHERE status='processed'"))
                .extracting(r -> r[0]).containsOnly(ref);
    }

    @Test
    void an_out_of_office_reply_on_a_case_is_recorded_on_it_but_not_copied_to_staff() throws Exception {
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);
        MimeMessage receipt = mail.awaitInbox(PARTNER, 1, WAIT).get(0);
        int copies = mail.awaitInbox(IT, 1, WAIT).size();
        mail.send(Emails.message().from(PARTNER).subject("Automatisk svar: " + receipt.getSubject())
                .header("Auto-Submitted", "auto-replied").header("In-Reply-To", receipt.getMessageID())
                .body("Jeg er på ferie til 20. mars.").bytes(), MAILBOX);
        awaitProcessed(2);
        awaitIdleOutbox();
        assertThat(mail.inbox(IT)).as("a robot on a case is no news for staff").hasSize(copies);
        assertThat(Rows.query(harness.service().store(), "SELECT count(*) FROM messages WHERE case_ref IS NOT NULL").get(0)[0]).isEqualTo("2");
    }

    @Test
    void receipts_to_one_sender_are_rate_limited() {
        for (int i = 0; i < 5; i++) {
            mail.send(Emails.inquiry().from(PARTNER).subject("Spørsmål nummer " + i).bytes(), MAILBOX);
        }
        awaitProcessed(5);
        awaitIdleOutbox();
        assertThat(mail.inbox(PARTNER)).as("default limit: 3 per hour").hasSize(3);
        assertThat(mail.inbox(LEADER)).as("every inquiry still reaches staff").hasSize(5);
    }

    private void awaitProcessed(int n) {
        harness.awaitProcessed(n, WAIT);
    }

    private void awaitIdleOutbox() {
        harness.awaitIdleOutbox(WAIT);
    }
}
