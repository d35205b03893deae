package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import no.meldingsvakt.testing.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 10, each through GreenMail against an organisation that trusts the
 * Authentication-Results of its own receiving server {@code mx.kommune.test}: a stranger can
 * write to the mailbox, but cannot aim a receipt, answer or close a case, or speak through it.
 */
class SenderTrustTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KARI = "kari@hemit.test";
    private static final String VICTIM = "victim@third-party.test";
    private static final String ATTACKER = "mallory@evil.test";
    private static final String TRUST = """
                trust: {authserv_ids: [mx.kommune.test]}
            """;

    @TempDir
    Path dir;
    MailWorld world;
    MailServer mail;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, TRUST, KARI, VICTIM, ATTACKER);
        mail = world.mail;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void a_receipt_goes_to_the_authenticated_sender_never_to_a_reply_to_in_another_domain() {
        mail.send(Emails.errorNotice().from(KARI).header("Reply-To", VICTIM).dmarc("pass").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(KARI, 1, WAIT)).hasSize(1);
        settle(1);
        assertThat(mail.inbox(VICTIM)).as("no backscatter from the organisation's address").isEmpty();
    }

    @Test
    void an_unauthenticated_notice_is_passed_on_with_a_warning_and_gets_no_receipt() {
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        settle(1);
        assertThat(mail.inbox(KARI)).isEmpty();
        assertThat(Mails.text(copy)).contains("Avsenderen er ikke verifisert – ingen kvittering er sendt");
        assertThat(audit("receipt-skipped")).anyMatch(d -> d.contains("sender not authenticated"));
    }

    @Test
    void a_pass_written_below_our_own_servers_received_line_does_not_count() {
        // The attacker writes a pass under our id; our server, above it, found the DMARC check failing.
        Emails forged = Emails.errorNotice().from(KARI)
                .prepend("Authentication-Results", "mx.kommune.test; dmarc=pass header.from=hemit.test")
                .dmarc("fail");
        mail.send(forged.bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        settle(1);
        assertThat(mail.inbox(KARI)).isEmpty();

        Emails below = Emails.errorNotice().from(KARI).header("Authentication-Results", "mx.kommune.test; dmarc=pass header.from=hemit.test")
                .prepend("Received", "from mail.hemit.test by mx.kommune.test; Thu, 12 Mar 2026 09:00:01 +0100");
        mail.send(below.bytes(), MAILBOX);
        mail.awaitInbox(IT, 2, WAIT);
        settle(2);
        assertThat(mail.inbox(KARI)).as("a pass only in the sender's own part of the header").isEmpty();
    }

    @Test
    void a_forged_staff_reply_neither_reaches_the_partner_nor_answers_the_case() throws Exception {
        Emails notice = Emails.errorNotice().from(ATTACKER).dmarc("pass");
        mail.send(notice.bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        assertThat(mail.awaitInbox(ATTACKER, 1, WAIT)).as("the receipt").hasSize(1);
        String ref = onlyCase();

        // Threaded on the attacker's own notice, From a staff address: no capability at all.
        mail.send(Emails.message().from("IT <" + IT + ">").subject("SV: Feil i meldingsutveksling")
                .header("In-Reply-To", notice.messageIdValue())
                .body("Logg inn her: https://evil.test/phish\n").bytes(), MAILBOX);
        // Threaded on the real copy (a leaked id), but the staff From line is not authenticated.
        mail.send(Emails.message().from("IT <" + IT + ">").subject("SV: " + copy.getSubject())
                .header("In-Reply-To", copy.getMessageID())
                .body("Logg inn her: https://evil.test/phish2\n").bytes(), MAILBOX);
        settle(3);

        assertThat(mail.inbox(ATTACKER)).hasSize(1);
        assertThat(mail.inbox(ATTACKER).stream().map(Mails::text)).noneMatch(t -> t.contains("evil.test/phish"));
        assertThat(status(ref)).isNotEqualTo("answered");
        assertThat(audit("answered")).isEmpty();
    }

    @Test
    void an_authenticated_staff_reply_to_the_copy_is_sent_on_with_only_what_the_staff_member_wrote() throws Exception {
        mail.send(Emails.errorNotice().from(KARI).dmarc("pass").bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        mail.awaitInbox(KARI, 1, WAIT);
        String ref = onlyCase();
        mail.send(Emails.message().from("Ivar IT <" + IT + ">").subject("SV: " + copy.getSubject())
                .header("In-Reply-To", copy.getMessageID()).dmarc("pass")
                .body("Vi ser på det nå.\n\n> Feil i meldingsutveksling\n> Sendt av Meldingsvakt til listene: it, plo\n").bytes(), MAILBOX);
        List<MimeMessage> atKari = mail.awaitInbox(KARI, 2, WAIT);
        assertThat(Mails.text(atKari.get(1))).contains("Vi ser på det nå").doesNotContain("Sendt av Meldingsvakt til listene");
        awaitStatus(ref, "answered");
    }

    @Test
    void a_staff_reply_written_below_the_quote_is_not_sent_on_and_the_writer_is_told() throws Exception {
        mail.send(Emails.errorNotice().from(KARI).dmarc("pass").bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        mail.awaitInbox(KARI, 1, WAIT);
        String ref = onlyCase();
        String quoted = Mails.text(copy).lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");
        mail.send(Emails.message().from("Ivar IT <" + IT + ">").subject("SV: " + copy.getSubject())
                .header("In-Reply-To", copy.getMessageID()).dmarc("pass")
                .body(quoted + "\nVi ser på det nå.\n").bytes(), MAILBOX);
        List<MimeMessage> told = mail.awaitInbox(IT, 2, WAIT);
        assertThat(told.get(1).getSubject()).startsWith("[Meldingsvakt] Svaret ditt ble ikke sendt videre");
        settle(2);
        assertThat(mail.inbox(KARI)).as("only the receipt: no internal summary to the partner").hasSize(1);
        assertThat(status(ref)).isNotEqualTo("answered");
    }

    @Test
    void a_forward_with_a_forged_internal_from_sends_no_receipt_to_the_address_in_its_body() {
        String body = "-----Opprinnelig melding-----\nFra: Victim <" + VICTIM + ">\nSendt: 12. mars 2026 08:00\nTil: it@kommune.test\n"
                + "Emne: Feil i meldingsutveksling\n\nMeldinger kommer ikke fram.\n";
        mail.send(Emails.message().from("IT <" + IT + ">").subject("VS: Feil i meldingsutveksling").body(body).bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        settle(1);
        assertThat(mail.inbox(VICTIM)).isEmpty();
    }

    @Test
    void an_authenticated_colleagues_forward_is_confirmed_to_the_partner_in_it() {
        String body = "-----Opprinnelig melding-----\nFra: Kari <" + KARI + ">\nSendt: 12. mars 2026 08:00\nTil: it@kommune.test\n"
                + "Emne: Feil i meldingsutveksling\n\nMeldinger kommer ikke fram.\n";
        mail.send(Emails.message().from("IT <" + IT + ">").subject("VS: Feil i meldingsutveksling").body(body).dmarc("pass").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(KARI, 1, WAIT)).hasSize(1);
    }

    @Test
    void only_the_partner_or_staff_can_close_a_case_with_its_reference() {
        mail.send(Emails.errorNotice().from(KARI).dmarc("pass").bytes(), MAILBOX);
        mail.awaitInbox(KARI, 1, WAIT);
        String ref = onlyCase();
        mail.send(Emails.message().from(ATTACKER).dmarc("pass").subject("LØST: Feil i meldingsutveksling [" + ref + "]")
                .body("Feilen er nå løst.\n").bytes(), MAILBOX);
        settle(2);
        assertThat(status(ref)).isNotEqualTo("closed");
        assertThat(audit("related-case")).as("another organisation's mail is a case of its own").singleElement().asString().contains(ref);
        mail.send(Emails.message().from("mallory@hemit.test").dmarc("pass").subject("LØST: Feil i meldingsutveksling [" + ref + "]")
                .body("Feilen er nå løst.\n").bytes(), MAILBOX);
        settle(3);
        assertThat(status(ref)).as("the partner's organisation, but not the partner").isNotEqualTo("closed");
        assertThat(audit("close-ignored")).singleElement().asString().contains("mallory@hemit.test");

        mail.send(Emails.message().from(KARI).dmarc("pass").subject("LØST: Feil i meldingsutveksling [" + ref + "]")
                .body("Feilen er nå løst.\n").bytes(), MAILBOX);
        settle(4);
        assertThat(status(ref)).isEqualTo("closed");
    }

    private String onlyCase() {
        world.harness.awaitProcessed(1, WAIT);
        return Rows.query(world.harness.service().store(), "SELECT ref FROM cases").get(0)[0];
    }

    private String status(String ref) {
        return Rows.query(world.harness.service().store(), "SELECT status FROM cases WHERE ref=?", ref).get(0)[0];
    }

    private List<String> audit(String event) {
        return Rows.query(world.harness.service().store(), "SELECT detail FROM audit WHERE event=?", event).stream().map(r -> r[0]).toList();
    }

    private void awaitStatus(String ref, String expected) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!status(ref).equals(expected) && System.nanoTime() < end) {
            MailServer.sleep(50);
        }
        assertThat(status(ref)).isEqualTo(expected);
    }

    private void settle(int processed) {
        world.harness.awaitProcessed(processed, WAIT);
        world.harness.awaitIdleOutbox(WAIT);
    }
}
