package no.meldingsvakt.interop;

import no.meldingsvakt.store.Rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.store.StoreLock;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.RealMail;
import no.meldingsvakt.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenarios against a real Dovecot (IMAP over TLS, IDLE, MOVE) and Postfix
 * (authenticated submission with STARTTLS), and the faults real servers have.
 */
class RealServerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAILBOX = Emails.MAILBOX;
    private static final String KARI = "kari@hemit.test";
    private static final String OLA = "ola@nabokommune.test";
    @TempDir
    Path dir;
    RealMail real;
    Harness harness;
    TcpProxy proxy;

    @BeforeEach
    void start() {
        real = RealMail.require();
        real.users().forEach(real::purge);
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private void startService(int imapPort) {
        harness = new Harness(dir, Harness.yaml(dir, real.imapYaml(imapPort), real.smtpYaml(), ""));
        harness.start();
    }

    @Test
    void every_category_over_tls_and_authenticated_submission() {
        startService(real.port("imaps"));
        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        real.send(Emails.plannedNotice().bytes(), MAILBOX);
        real.send(Emails.inquiry().from(OLA).bytes(), MAILBOX);
        real.send(Emails.errorNotice().from(KARI).subject("Automatisk svar: Feil i meldingsutveksling")
                .header("Auto-Submitted", "auto-replied").bytes(), MAILBOX);

        harness.awaitProcessed(4, WAIT);
        harness.awaitIdleOutbox(WAIT);
        MailServer.sleep(1500);
        assertThat(subjects(Harness.IT)).containsExactlyInAnyOrder(
                "[Meldingsvakt] Feil i meldingsutveksling: Feil i meldingsutveksling",
                "[Meldingsvakt] Planlagt stopp: " + "Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF 12.03.2026 kl. 16:00-20:00");
        assertThat(real.inbox(Harness.PLO)).as("an out-of-office reply is no notice").hasSize(2);
        assertThat(real.inbox(Harness.LEADER)).extracting(Mails::subject).containsExactly("[Meldingsvakt] Annen henvendelse: "
                + "Spørsmål om adresse for PLO-meldinger");
        assertThat(real.inbox(KARI)).as("one receipt: the auto-reply gets none").hasSize(1);
        assertThat(real.inbox(OLA)).hasSize(1);
        assertThat(real.inbox(MAILBOX)).as("everything filed").isEmpty();
        assertThat(real.messages(MAILBOX, "Meldingsvakt.Behandlet")).hasSize(4);
    }

    @Test
    void a_second_service_on_the_store_is_refused_and_mail_is_filed_by_uid_while_another_session_expunges() throws Exception {
        startService(real.port("imaps"));
        Harness second = new Harness(dir, Harness.yaml(dir, real.imapYaml(real.port("imaps")), real.smtpYaml(), ""));
        assertThatThrownBy(second::start).isInstanceOf(StoreLock.StoreInUseException.class)
                .hasMessageContaining("in use by another Meldingsvakt (PID " + ProcessHandle.current().pid());

        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread other = new Thread(() -> {
            for (int i = 0; busy.get() && i < 400; i++) {
                real.appendAndExpunge(MAILBOX, Emails.message().from("noreply@drift.test").subject("Søppel " + i)
                        .header("X-Junk", "yes").header("Auto-Submitted", "auto-generated").bytes());
            }
        }, "other-session");
        other.start();
        List<Emails> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Emails e = Emails.inquiry().from(OLA).subject("Spørsmål nr. " + i);
            sent.add(e);
            real.send(e.bytes(), MAILBOX);
        }
        try {
            assertThat(real.awaitInbox(Harness.LEADER, 10, WAIT)).as("a copy of each (receipts stop at the rate limit)").hasSize(10);
            harness.awaitIdleOutbox(WAIT);
        } finally {
            busy.set(false);
            other.join();
        }
        java.util.Set<String> recorded = new java.util.HashSet<>();
        Rows.query(harness.service().store(), "SELECT message_key FROM messages").forEach(r -> recorded.add(r[0]));
        assertThat(sent).extracting(Emails::messageIdValue).allMatch(recorded::contains);
        List<MimeMessage> filed = real.messages(MAILBOX, "Meldingsvakt.Behandlet");
        assertThat(filed).as("nothing filed that was not recorded").allSatisfy(m -> assertThat(recorded).contains(m.getMessageID()));
        assertThat(filed.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsAll(sent.stream().map(Emails::messageIdValue).toList());
    }

    @Test
    void check_config_connect_names_an_untrusted_certificate_in_plain_words_and_ca_file_fixes_it() throws Exception {
        java.nio.file.Path f = dir.resolve("c.yaml");
        String untrusted = "{host: 127.0.0.1, port: " + real.port("imaps") + ", security: tls}";
        java.nio.file.Files.writeString(dir.resolve("pw"), RealMail.PASSWORD);
        java.nio.file.Files.writeString(f, Harness.yaml(dir, untrusted, real.smtpYaml(), "")
                .replace("password_env: MV_TEST_PASSWORD", "password_file: " + dir.resolve("pw")));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int status;
        try {
            status = no.meldingsvakt.cli.Main.execute("check-config", "--connect", f.toString());
        } finally {
            System.setOut(old);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).as(text).isEqualTo(1);
        assertThat(text).contains("the server's certificate is not trusted by this machine").contains("set ca_file")
                .doesNotContain("SunCertPathBuilderException");
        assertThat(text).contains("ok    kommune: SMTP 127.0.0.1:" + real.port("submission"));
    }

    @Test
    void restart_mid_stream_loses_nothing_and_sends_nothing_twice() {
        List<Emails> sent = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            startService(real.port("imaps"));
            for (int i = 0; i < 4; i++) {
                Emails e = i % 2 == 0 ? Emails.errorNotice().from(KARI) : Emails.inquiry().from(OLA).subject("Spørsmål " + round + i);
                sent.add(e);
                real.send(e.bytes(), MAILBOX);
            }
            MailServer.sleep(400 + 300L * round);
            harness.stop();
        }
        startService(real.port("imaps"));
        harness.awaitProcessed(sent.size(), WAIT);
        harness.awaitIdleOutbox(WAIT);
        MailServer.sleep(1500);
        assertOneCopyEach(sent);
    }

    @Test
    void staff_reply_through_the_copy_and_a_reply_in_the_sent_folder_answer_their_cases() throws Exception {
        real.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(KARI).subject("Sendt før Meldingsvakt").bytes());
        harness = new Harness(dir, Harness.yaml(dir, real.imapYaml(real.port("imaps")), real.smtpYaml(),
                "    cases: {reply_cc: [leder@kommune.test]}\n"));
        harness.start();

        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        MimeMessage copy = real.awaitInbox(Harness.IT, 1, WAIT).get(0);
        real.send(Emails.message().from(Harness.IT).to(MAILBOX).subject("SV: " + copy.getSubject()).header("In-Reply-To", copy.getMessageID())
                .body("Vi jobber med saken.\n").bytes(), MAILBOX);
        List<MimeMessage> atKari = real.awaitInbox(KARI, 2, WAIT);
        assertThat(atKari).extracting(Mails::subject).anyMatch(s -> s.startsWith("SV: Feil i meldingsutveksling [MV-"));
        assertThat(real.awaitInbox(Harness.LEADER, 1, WAIT)).as("the routine's copy").extracting(Mails::subject)
                .allMatch(s -> s.startsWith("SV: Feil i meldingsutveksling"));

        Emails inquiry = Emails.inquiry().from(OLA);
        real.send(inquiry.bytes(), MAILBOX);
        harness.awaitProcessed(3, WAIT);
        real.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(OLA).subject("SV: " + inquiry.subjectValue())
                .header("In-Reply-To", inquiry.messageIdValue()).body("Bruk meldingsansvarlig@kommune.test.\n").bytes());
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && Rows.query(harness.service().store(), "SELECT 1 FROM cases WHERE status='answered'").size() < 2) {
            MailServer.sleep(200);
        }
        assertThat(Rows.query(harness.service().store(), "SELECT answered_by FROM cases WHERE status='answered' ORDER BY opened_at"))
                .extracting(r -> r[0]).containsExactly(Harness.IT, MAILBOX);
    }

    @Test
    void dropped_and_half_open_imap_connections_are_replaced() throws Exception {
        proxy = new TcpProxy(real.port("imaps"));
        startService(proxy.port());
        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        assertThat(real.awaitInbox(Harness.IT, 1, WAIT)).hasSize(1);

        proxy.dropAll();
        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        assertThat(real.awaitInbox(Harness.IT, 2, WAIT)).hasSize(2);

        proxy.blackholeExisting();
        long cut = System.nanoTime();
        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        assertThat(real.awaitInbox(Harness.IT, 3, WAIT)).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void dovecot_restarted_while_the_service_is_in_idle() {
        startService(real.port("imaps"));
        real.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        assertThat(real.awaitInbox(Harness.IT, 1, WAIT)).hasSize(1);
        MailServer.sleep(1000);

        real.restartDovecot();
        real.send(Emails.inquiry().from(OLA).bytes(), MAILBOX);
        assertThat(real.awaitInbox(Harness.LEADER, 1, WAIT)).hasSize(1);
        harness.awaitIdleOutbox(WAIT);
        assertThat(real.inbox(Harness.IT)).hasSize(1);
    }

    @Test
    void postfix_stopped_for_minutes_while_notices_keep_arriving() {
        long downSeconds = Long.getLong("meldingsvakt.postfixDownSeconds", 120);
        startService(real.port("imaps"));
        real.postfix("stop");
        try {
            List<Emails> sent = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(downSeconds).toNanos();
            int i = 0;
            while (System.nanoTime() < end) {
                Emails e = (i % 2 == 0 ? Emails.errorNotice().from(KARI) : Emails.inquiry().from(OLA).subject("Spørsmål " + i));
                sent.add(e);
                real.append(MAILBOX, e.bytes());
                i++;
                MailServer.sleep(Math.min(15_000, downSeconds * 1000 / 6));
            }
            harness.awaitProcessed(sent.size(), WAIT);
            assertThat(harness.service().store().outbox().pending()).as("everything waits for Postfix").isGreaterThan(sent.size());
            real.postfix("start");
            harness.awaitIdleOutbox(Duration.ofMinutes(3));
            MailServer.sleep(2000);
            assertOneCopyEach(sent);
        } finally {
            try {
                real.postfix("start");
            } catch (IllegalStateException alreadyRunning) {
                // Started above.
            }
        }
    }

    private void assertOneCopyEach(List<Emails> sent) {
        Map<String, Integer> copies = new HashMap<>();
        for (String staff : Harness.STAFF) {
            for (MimeMessage m : real.inbox(staff)) {
                copies.merge(staff + " " + Mails.originalId(m), 1, Integer::sum);
            }
        }
        assertThat(copies.values()).as("copies per recipient and notice").containsOnly(1);
        for (Emails e : sent) {
            assertThat(copies.keySet()).as("someone got " + e.messageIdValue()).anyMatch(k -> k.endsWith(" " + e.messageIdValue()));
        }
        for (String partner : List.of(KARI, OLA)) {
            assertThat(real.inbox(partner)).extracting(Mails::subject).doesNotHaveDuplicates();
        }
        assertThat(real.inbox(MAILBOX)).isEmpty();
    }

    private List<String> subjects(String user) {
        return real.inbox(user).stream().map(Mails::subject).toList();
    }
}
