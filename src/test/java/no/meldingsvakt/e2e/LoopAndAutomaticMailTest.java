package no.meldingsvakt.e2e;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.NURSE;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
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
        assertThat(harness.service().store().query("SELECT automatic FROM messages")).extracting(r -> r[0]).doesNotContainNull();
    }

    @Test
    void bounce_with_null_envelope_sender_gets_no_receipt() {
        mail.deliverDirect(Emails.errorNotice().from(PARTNER).header("Return-Path", "<>").bytes(), MAILBOX);
        awaitProcessed(1);
        awaitIdleOutbox();
        assertThat(harness.service().store().query("SELECT automatic FROM messages")).extracting(r -> r[0])
                .containsExactly("empty Return-Path");
        assertThat(mail.inbox(PARTNER)).isEmpty();
        assertThat(mail.inbox(IT)).as("a notice is still passed on").hasSize(1);
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
        assertThat(harness.service().store().query("SELECT case_ref FROM messages WHERE status='processed'"))
                .extracting(r -> r[0]).containsOnly(ref);
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
