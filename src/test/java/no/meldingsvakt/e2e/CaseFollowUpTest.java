package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case through GreenMail on a clock the test moves: notice, receipt, copies, reminders before and
 * after the due time, escalation; a staff reply sent on to the partner with the routine's copies;
 * a reply in the Sent folder; a restart while reminders are due; planned-downtime reminders.
 */
class CaseFollowUpTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KARI = "kari@hemit.test";
    private static final String EKOMP = "ekomp@ks.test";
    private static final String HEMIT_MA = "meldingsansvarlig@hemit.test";
    private static final String OLA = "ola@nabokommune.test";
    /** Thursday 12 March 2026, 09:05 in Oslo: the notice's Date is 09:00. */
    private static final Instant THURSDAY_0905 = Instant.parse("2026-03-12T08:05:00Z");
    private static final String CASES = """
                cases:
                  reply_cc: [ekomp@ks.test, "meldingsansvarlig@{sender_domain}"]
                  deadlines:
                    default: {reply_within: 1 business day, remind_before: 2 business hours, repeat_every: 2 business hours,
                              escalate_after: 4 business hours, escalate_to: [leder]}
            """;

    @TempDir
    Path dir;
    MailServer mail;
    Harness harness;
    final MutableClock clock = new MutableClock(THURSDAY_0905);

    @BeforeEach
    void start() {
        mail = MailServer.start(MAILBOX, PLO, "sykepleier@kommune.test", IT, LEADER, KARI, EKOMP, HEMIT_MA, "meldingsansvarlig@helse-midt.test",
                OLA);
        // The mailbox has sent mail from before Meldingsvakt; that answers nothing.
        mail.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(KARI).subject("Gammel sak").bytes());
        harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), CASES));
        harness.start(clock);
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.close();
    }

    @Test
    void unanswered_notice_is_reminded_before_and_after_due_then_escalated() {
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        assertThat(mail.awaitInbox(KARI, 1, WAIT)).as("receipt").hasSize(1);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).as("copy").hasSize(1);
        String ref = caseRef();

        clock.advance(Duration.ofHours(5).plusMinutes(5)); // Thursday 14:10: two business hours before due
        assertThat(subjects(mail.awaitInbox(IT, 2, WAIT))).last().asString().startsWith("[Meldingsvakt] Påminnelse: Feil i meldingsutveksling [" + ref);
        assertThat(Mails.text(mail.inbox(IT).get(1))).contains("ikke besvart").doesNotContain("fristen er passert");

        clock.advance(Duration.ofHours(19)); // Friday 09:10: due
        assertThat(mail.awaitInbox(IT, 3, WAIT)).hasSize(3);
        assertThat(Mails.text(mail.inbox(IT).get(2))).contains("fristen er passert");

        clock.advance(Duration.ofHours(4)); // Friday 13:10: due + 4 business hours
        List<MimeMessage> escalated = mail.awaitInbox(LEADER, 1, WAIT);
        assertThat(subjects(escalated)).containsExactly("[Meldingsvakt] Ikke besvart: Feil i meldingsutveksling [" + ref + "]");
        assertThat(mail.awaitInbox(IT, 4, WAIT)).as("the 11:05 and 13:05 reminders were due at once: one mail, not two").hasSize(4);
        settle();
        assertThat(mail.inbox(IT)).hasSize(4);
        assertThat(mail.inbox(LEADER)).hasSize(1);
        assertThat(mail.inbox(KARI)).as("reminders are internal").hasSize(1);
        assertThat(status(ref)).isEqualTo("receipt-sent");
    }

    @Test
    void staff_reply_to_the_copy_reaches_the_partner_with_the_routine_copies_and_stops_reminders() throws Exception {
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        mail.awaitInbox(KARI, 1, WAIT);
        String ref = caseRef();

        byte[] reply = Emails.message().from("Ivar IT <" + IT + ">").to(MAILBOX).subject("SV: " + copy.getSubject())
                .header("In-Reply-To", copy.getMessageID())
                .body("Hei Kari, vi har startet feilsøking og ringer dere innen en time.\n\nIvar\n\n-----Opprinnelig melding-----\n"
                        + "Fra: Meldingsvakt Testkommune <" + MAILBOX + ">\nEmne: " + copy.getSubject() + "\n\nSak " + ref + "\n").bytes();
        mail.send(reply, MAILBOX);

        List<MimeMessage> atKari = mail.awaitInbox(KARI, 2, WAIT);
        MimeMessage answer = atKari.get(1);
        assertThat(answer.getSubject()).isEqualTo("SV: Feil i meldingsutveksling [" + ref + "]");
        assertThat(Arrays.stream(answer.getRecipients(Message.RecipientType.CC)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactlyInAnyOrder(EKOMP, HEMIT_MA);
        assertThat(answer.getFrom()[0].toString()).contains(MAILBOX);
        assertThat(answer.getHeader("In-Reply-To")[0]).startsWith("<test-").endsWith("@hemit.test>");
        assertThat(Mails.text(answer)).contains("vi har startet feilsøking").contains("Ivar IT").doesNotContain("Opprinnelig melding");
        assertThat(mail.awaitInbox(EKOMP, 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox(HEMIT_MA, 1, WAIT)).hasSize(1);
        awaitStatus(ref, "answered");

        clock.advance(Duration.ofDays(3));
        settle();
        assertThat(mail.inbox(IT)).as("no reminder after the answer").hasSize(1);
        assertThat(mail.inbox(LEADER)).isEmpty();
        assertThat(mail.inbox(PLO)).as("the staff reply is not passed on as a notice").hasSize(1);
    }

    @Test
    void a_staff_reply_written_to_the_partner_with_the_mailbox_on_copy_answers_without_a_second_copy() throws Exception {
        Emails notice = Emails.errorNotice().from(KARI);
        mail.send(notice.bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        mail.awaitInbox(KARI, 1, WAIT);
        String ref = caseRef();

        mail.send(Emails.message().from("Ivar IT <" + IT + ">").to(KARI).header("Cc", MAILBOX).subject("SV: Feil i meldingsutveksling")
                .header("In-Reply-To", copy.getMessageID()).body("Hei Kari, vi ser på det.\n\nIvar\n").bytes(), KARI, MAILBOX);
        awaitStatus(ref, "answered");
        settle();
        assertThat(mail.inbox(KARI)).as("the receipt and Ivar's own mail, nothing sent on").hasSize(2);
        assertThat(mail.inbox(EKOMP)).isEmpty();
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='staff-reply'").get(0)[0]).contains("not sent on");
    }

    @Test
    void a_reply_in_the_sent_folder_answers_the_case() {
        String ref = noticeAnsweredFromTheSentFolder();
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='answered'").get(0)[0]).contains("Sent folder");

        clock.advance(Duration.ofDays(3));
        settle();
        assertThat(mail.inbox(IT)).hasSize(1);
    }

    @Test
    void the_partner_asking_again_after_the_answer_reopens_the_case_but_a_thank_you_does_not() {
        String ref = noticeAnsweredFromTheSentFolder();

        mail.send(Emails.message().from(KARI).to(MAILBOX).subject("SV: Feil i meldingsutveksling [" + ref + "]")
                .body("Takk for raskt svar!\n\nKari\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 2, WAIT)).as("the thank-you is passed on to the same list").hasSize(2);
        harness.awaitIdleOutbox(WAIT);
        assertThat(status(ref)).isEqualTo("answered");

        clock.advance(Duration.ofHours(1)); // Thursday 10:05
        mail.send(Emails.message().from(KARI).to(MAILBOX).subject("SV: Feil i meldingsutveksling [" + ref + "]")
                .body("Vi ser fortsatt at epikriser ikke kommer fram. Har dere funnet feilen?\n\nKari\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 3, WAIT)).hasSize(3);
        awaitStatus(ref, "open");
        assertThat(Rows.query(harness.service().store(), "SELECT due_at, round FROM cases WHERE ref=?", ref).get(0))
                .containsExactly("2026-03-13T09:05:00Z", "1");
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='reopened'")).hasSize(1);

        clock.advance(Duration.ofHours(5)); // Thursday 15:05: the new round's first reminder is 2 business hours before Friday 10:05
        settle();
        assertThat(mail.inbox(IT)).as("nothing due yet in the new round").hasSize(3);
        clock.advance(Duration.ofHours(17).plusMinutes(5)); // Friday 08:10
        List<MimeMessage> atIt = mail.awaitInbox(IT, 4, WAIT);
        assertThat(subjects(atIt)).last().asString().startsWith("[Meldingsvakt] Påminnelse: Feil i meldingsutveksling [" + ref);
        settle();
        assertThat(mail.inbox(IT)).hasSize(4);
        assertThat(mail.inbox(KARI)).as("one receipt per case, also when it reopens").hasSize(1);
    }

    @Test
    void a_restart_while_reminders_are_due_sends_each_once() {
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        harness.awaitIdleOutbox(WAIT);
        harness.stop();

        clock.advance(Duration.ofHours(5 + 19 + 4)); // down over the first reminder, the due time and two repeats
        harness.start(clock);
        assertThat(mail.awaitInbox(LEADER, 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox(IT, 2, WAIT)).hasSize(2);
        settle();
        assertThat(mail.inbox(IT)).as("copy + one reminder for everything missed").hasSize(2);

        harness.stop();
        harness.start(clock);
        settle();
        assertThat(mail.inbox(IT)).as("a second restart at the same moment sends nothing").hasSize(2);
        assertThat(mail.inbox(LEADER)).hasSize(1);
    }

    @Test
    void planned_downtime_is_announced_before_it_starts_and_when_it_should_be_over_and_follows_a_move() {
        Emails planned = Emails.plannedNotice();
        mail.send(planned.bytes(), MAILBOX);
        // The window starts at 16:00 today: one business day before is already past, so the reminder goes now.
        List<MimeMessage> it = mail.awaitInbox(IT, 2, WAIT);
        assertThat(subjects(it)).anyMatch(s -> s.startsWith("[Meldingsvakt] Snart planlagt stopp: Planlagt stopp"));
        assertThat(mail.inbox("meldingsansvarlig@helse-midt.test")).as("planned downtime gets no receipt").isEmpty();
        String ref = caseRef();

        clock.advance(Duration.ofHours(11).plusMinutes(30)); // 20:35
        assertThat(subjects(mail.awaitInbox(IT, 3, WAIT))).last().asString().startsWith("[Meldingsvakt] Planlagt stopp skal være over");

        mail.send(Emails.message().from("Hemit <meldingsansvarlig@helse-midt.test>")
                .subject("SV: Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF")
                .header("In-Reply-To", planned.messageIdValue())
                .body("Ny stopp: 19.03.2026 kl. 16:00-20:00 for det som ikke ble ferdig.\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 4, WAIT)).hasSize(4); // the update itself, to the same lists
        awaitWindow(ref, "2026-03-19T15:00:00Z");

        clock.advance(Duration.ofDays(6).plusHours(12)); // Thursday 19 March 08:05
        assertThat(subjects(mail.awaitInbox(IT, 5, WAIT))).last().asString().startsWith("[Meldingsvakt] Snart planlagt stopp");
        settle();
        assertThat(mail.inbox(IT)).hasSize(5);
    }

    @Test
    void a_later_notice_about_the_same_incident_joins_its_case_and_a_resolved_one_closes_it() {
        mail.send(Emails.errorNotice().from(KARI).subject("Feil i meldingsutveksling Orkland kommune").bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        String ref = caseRef();
        clock.advance(Duration.ofHours(1));
        // A fresh mail (no thread headers) with the same standard subject about the same organisation.
        mail.send(Emails.errorNotice().from("Per <per@hemit.test>").subject("Feil i meldingsutveksling - Orkland kommune")
                .body("Oppdatering: feilen gjelder også epikriser.\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 2, WAIT)).hasSize(2);
        harness.awaitProcessed(2, WAIT);
        assertThat(Rows.query(harness.service().store(), "SELECT count(*) FROM cases").get(0)[0]).isEqualTo("1");
        assertThat(Rows.query(harness.service().store(), "SELECT case_ref FROM messages").stream().map(r -> r[0])).containsOnly(ref);

        mail.send(Emails.errorNotice().from(KARI).subject("LØST: Feil i meldingsutveksling Orkland kommune")
                .body("Feilen er nå rettet, og meldingene er sendt.\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 3, WAIT)).as("the resolution reaches the same lists").hasSize(3);
        awaitStatus(ref, "closed");
        clock.advance(Duration.ofDays(3));
        settle();
        assertThat(mail.inbox(IT)).as("a closed case is not reminded").hasSize(3);
        assertThat(mail.inbox(KARI)).as("one receipt for the case").hasSize(1);
    }

    @Test
    void another_organisation_answering_on_the_thread_gets_a_case_of_its_own_and_leaves_the_first_alone() {
        Emails notice = Emails.errorNotice().from(KARI);
        mail.send(notice.bytes(), MAILBOX);
        mail.awaitInbox(KARI, 1, WAIT);
        String first = caseRef();
        String window = Rows.query(harness.service().store(), "SELECT coalesce(window_start, '') FROM cases WHERE ref=?", first).get(0)[0];
        mail.send(Emails.message().from("Ola <" + OLA + ">").subject("SV: Feil i meldingsutveksling").header("In-Reply-To", notice.messageIdValue())
                .body("Vi har samme problem her, fra 12.03.2026 kl. 10:30. Telefon for pasientinformasjon: 72 00 00 00\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(OLA, 1, WAIT)).as("its own receipt").hasSize(1);
        harness.awaitProcessed(2, WAIT);
        List<String[]> cases = Rows.query(harness.service().store(), "SELECT ref, sender, coalesce(window_start, '') FROM cases ORDER BY opened_at, ref");
        assertThat(cases).hasSize(2);
        assertThat(Rows.query(harness.service().store(), "SELECT coalesce(window_start, '') FROM cases WHERE ref=?", first).get(0)[0])
                .as("the first case's window is untouched").isEqualTo(window);
        assertThat(Rows.query(harness.service().store(), "SELECT detail FROM audit WHERE event='related-case'").get(0)[0]).contains(first);
    }

    @Test
    void a_cancelled_planned_stop_is_closed_and_not_announced_as_over() {
        Emails planned = Emails.plannedNotice();
        mail.send(planned.bytes(), MAILBOX);
        mail.awaitInbox(IT, 2, WAIT); // copy and the "starts soon" reminder
        String ref = caseRef();
        mail.send(Emails.message().from("Hemit <meldingsansvarlig@helse-midt.test>").subject("SV: Planlagt stopp/forsinkelse i meldingstrafikk")
                .header("In-Reply-To", planned.messageIdValue()).body("Den planlagte stoppen i dag er avlyst.\n").bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 3, WAIT)).hasSize(3);
        awaitStatus(ref, "closed");
        clock.advance(Duration.ofHours(11).plusMinutes(30));
        settle();
        assertThat(mail.inbox(IT)).hasSize(3);
        assertThat(Rows.query(harness.service().store(), "SELECT note FROM cases WHERE ref=?", ref).get(0)[0]).startsWith("avlyst");
    }

    private String caseRef() {
        harness.awaitProcessed(1, WAIT);
        return Rows.query(harness.service().store(), "SELECT ref FROM cases ORDER BY opened_at LIMIT 1").get(0)[0];
    }

    /** Kari's error notice, answered by hand from the monitored mailbox; returns the case reference. */
    private String noticeAnsweredFromTheSentFolder() {
        Emails notice = Emails.errorNotice().from(KARI);
        mail.send(notice.bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        String ref = caseRef();
        mail.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(KARI).subject("SV: Feil i meldingsutveksling")
                .header("In-Reply-To", notice.messageIdValue()).body("Vi ser på det.\n").bytes());
        awaitStatus(ref, "answered");
        return ref;
    }

    private String status(String ref) {
        return Rows.query(harness.service().store(), "SELECT status FROM cases WHERE ref=?", ref).get(0)[0];
    }

    private void awaitStatus(String ref, String expected) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!status(ref).equals(expected) && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        assertThat(status(ref)).isEqualTo(expected);
    }

    private void awaitWindow(String ref, String start) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!start.equals(Rows.query(harness.service().store(), "SELECT window_start FROM cases WHERE ref=?", ref).get(0)[0])
                && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        assertThat(Rows.query(harness.service().store(), "SELECT window_start FROM cases WHERE ref=?", ref).get(0)[0]).isEqualTo(start);
    }

    /** Several follow-up ticks and an idle outbox: long enough for a wrongly repeated mail to show. */
    private void settle() {
        MailServer.sleep(1500);
        harness.awaitIdleOutbox(WAIT);
    }

    private static List<String> subjects(List<MimeMessage> ms) {
        List<String> out = new ArrayList<>();
        ms.forEach(m -> out.add(Mails.subject(m)));
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
