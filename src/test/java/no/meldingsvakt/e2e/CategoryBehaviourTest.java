package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.NURSE;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import no.meldingsvakt.testing.Mails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each category's receipt and redistribution behaviour, through real IMAP and SMTP to GreenMail. */
class CategoryBehaviourTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    MailWorld world;
    MailServer mail;
    Harness harness;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, "", "kari@hemit.test", "ola@nabokommune.test", "meldingsansvarlig@helse-midt.test");
        mail = world.mail;
        harness = world.harness;
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.close();
    }

    @Test
    void error_notice_gets_one_receipt_and_reaches_it_and_plo_lists() throws Exception {
        Emails notice = Emails.errorNotice().subject("SV: [EKSTERN] Feil i meldingsutveksling - Orkland kommune");
        mail.send(notice.bytes(), MAILBOX);

        List<MimeMessage> receipts = mail.awaitInbox("kari@hemit.test", 1, WAIT);
        assertThat(receipts).hasSize(1);
        MimeMessage receipt = receipts.get(0);
        assertThat(receipt.getSubject()).startsWith("Mottatt: ").containsPattern("\\[MV-\\d{6}-[A-Z2-7]{6}\\]");
        assertThat(receipt.getHeader("In-Reply-To")[0]).isEqualTo(notice.messageIdValue());
        assertThat(receipt.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(receipt.getHeader("X-Auto-Response-Suppress")[0]).isEqualTo("All");
        assertThat(receipt.getHeader("Precedence")[0]).isEqualTo("auto_reply");
        assertThat(receipt.getFrom()[0].toString()).contains(MAILBOX);

        for (String staff : List.of(IT, PLO, NURSE)) {
            List<MimeMessage> copies = mail.awaitInbox(staff, 1, WAIT);
            assertThat(copies).as(staff).hasSize(1);
            assertThat(copies.get(0).getSubject()).isEqualTo("[Meldingsvakt] Feil i meldingsutveksling: " + "SV: [EKSTERN] Feil i meldingsutveksling - Orkland kommune");
        }
        awaitIdleOutbox();
        assertThat(mail.inbox(LEADER)).as("leder is only the fallback").isEmpty();
        assertThat(mail.inbox("kari@hemit.test")).hasSize(1);
    }

    @Test
    void staff_see_what_the_notice_says_and_where_it_falls_short_but_the_partner_does_not() throws Exception {
        mail.send(Emails.errorNotice().subject("Feil i meldingsutveksling Orkland kommune")
                .body("Telefonnummer for pasientrelatert informasjon: 72 48 00 00\nFeilen oppstod kl 09:30 i dag. PLO-meldinger går ikke.\n").bytes(), MAILBOX);

        String copy = Mails.text(mail.awaitInbox(IT, 1, WAIT).get(0));
        assertThat(copy).contains("Gjelder: Orkland kommune").contains("72 48 00 00").contains("fra ")
                .contains("Mangler når normal meldingsutveksling ventes tilbake");
        String receipt = Mails.text(mail.awaitInbox("kari@hemit.test", 1, WAIT).get(0));
        assertThat(receipt).doesNotContain("Mangler").doesNotContain("rutinen");
        awaitIdleOutbox();
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='problems'")).extracting(r -> r[0])
                .containsExactly("[no-expected-end]");
    }

    @Test
    void planned_notice_gets_no_receipt_but_reaches_it() throws Exception {
        mail.send(Emails.plannedNotice().bytes(), MAILBOX);

        List<MimeMessage> copies = mail.awaitInbox(IT, 1, WAIT);
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).getSubject()).startsWith("[Meldingsvakt] Planlagt stopp: ");
        awaitIdleOutbox();
        assertThat(mail.inbox("meldingsansvarlig@helse-midt.test")).as("planned downtime is never answered").isEmpty();
        assertThat(mail.inbox(PLO)).isEmpty();
    }

    @Test
    void missing_receipt_and_important_info_get_receipts() {
        mail.send(Emails.message().subject("VS: Manglende kvitteringer på PLO-meldinger").bytes(), MAILBOX);
        mail.send(Emails.message().from("ola@nabokommune.test").subject("Viktig informasjon vedr. meldingsutveksling").bytes(), MAILBOX);

        assertThat(mail.awaitInbox("kari@hemit.test", 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox("ola@nabokommune.test", 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox(IT, 2, WAIT)).extracting(Mails::subject)
                .anyMatch(s -> s.startsWith("[Meldingsvakt] Manglende kvittering:"))
                .anyMatch(s -> s.startsWith("[Meldingsvakt] Viktig informasjon:"));
    }

    @Test
    void unknown_inquiry_gets_receipt_and_goes_to_fallback_list() {
        mail.send(Emails.inquiry().bytes(), MAILBOX);

        assertThat(mail.awaitInbox("ola@nabokommune.test", 1, WAIT)).hasSize(1);
        List<MimeMessage> copies = mail.awaitInbox(LEADER, 1, WAIT);
        assertThat(copies).hasSize(1);
        assertThat(Mails.subject(copies.get(0))).startsWith("[Meldingsvakt] Annen henvendelse:");
        awaitIdleOutbox();
        assertThat(mail.inbox(IT)).isEmpty();
    }

    @Test
    void an_address_register_change_gets_no_receipt_and_no_deadline_but_reaches_staff() {
        mail.send(Emails.message().from("Kundesenter <kari@hemit.test>").subject("Endring i adresseregisteret for Orkland kommune")
                .body("Ny HER-id for hjemmetjenesten fra 1. juni.\n").bytes(), MAILBOX);
        List<MimeMessage> copies = mail.awaitInbox(LEADER, 1, WAIT);
        assertThat(Mails.subject(copies.get(0))).startsWith("[Meldingsvakt] Endring i adresseregister:");
        awaitIdleOutbox();
        assertThat(mail.inbox("kari@hemit.test")).as("no receipt by default").isEmpty();
        assertThat(Rows.query(harness.service().store(), "SELECT category, coalesce(due_at, 'none') FROM cases").get(0))
                .containsExactly("address-register", "none");
    }

    @Test
    void plo_on_two_lists_gets_one_copy_per_notice() {
        mail.send(Emails.inquiry().bytes(), MAILBOX);
        mail.send(Emails.errorNotice().bytes(), MAILBOX);
        // leder (inquiry) and plo (error) both hold plo@: one copy of each notice, not two.
        assertThat(mail.awaitInbox(PLO, 2, WAIT)).hasSize(2);
        awaitIdleOutbox();
        assertThat(mail.inbox(PLO)).hasSize(2);
    }

    @Test
    void redistributed_copy_has_norwegian_summary_and_original_attached_whole() throws Exception {
        Emails notice = Emails.errorNotice().body("Telefonnummer for pasientrelaterte opplysninger: 72 48 00 00\nBerørt tjeneste: PLO <script>x</script>\n");
        mail.send(notice.bytes(), MAILBOX);

        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        Multipart mixed = (Multipart) copy.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("Kategori: Feil i meldingsutveksling").contains("Kvittering til avsender: sendt til kari@hemit.test")
                .contains("Berørte tjenester: PLO").contains("Saksnummer: MV-");
        assertThat(html).contains("<strong>Kategori:</strong>").doesNotContain("<script>");
        Part attached = mixed.getBodyPart(1);
        assertThat(attached.isMimeType("message/rfc822")).isTrue();
        MimeMessage original = (MimeMessage) attached.getContent();
        assertThat(original.getMessageID()).isEqualTo(notice.messageIdValue());
        assertThat(original.getSubject()).isEqualTo("Feil i meldingsutveksling");
    }

    @Test
    void processed_message_is_moved_out_of_the_inbox_after_its_effects_are_stored() {
        mail.send(Emails.errorNotice().bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);
        assertThat(mail.inbox(MAILBOX)).isEmpty();
        assertThat(mail.messages(MAILBOX, "Meldingsvakt.Behandlet")).hasSize(1);
        assertThat(Rows.query(harness.service().store(), "SELECT status FROM messages")).extracting(r -> r[0]).containsExactly("processed");
    }

    @Test
    void keyword_mode_leaves_mail_in_the_inbox_flagged_and_processes_it_once() throws Exception {
        harness.close();
        harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), "    folders: {mark: keyword}\n"));
        harness.start();
        mail.send(Emails.errorNotice().bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);
        harness.stop();
        harness.start();
        mail.send(Emails.inquiry().bytes(), MAILBOX);
        assertThat(mail.awaitInbox(LEADER, 1, WAIT)).hasSize(1);
        harness.awaitIdleOutbox(WAIT);

        assertThat(mail.inbox(IT)).as("no reprocessing after restart").hasSize(1);
        List<MimeMessage> inbox = mail.inbox(MAILBOX);
        assertThat(inbox).hasSize(2);
        for (MimeMessage m : inbox) {
            assertThat(m.getFlags().contains("$Meldingsvakt")).isTrue();
        }
    }


    private void awaitIdleOutbox() {
        harness.awaitIdleOutbox(WAIT);
    }
}
