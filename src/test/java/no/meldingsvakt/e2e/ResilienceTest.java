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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing twice: restarts mid-stream, an IMAP connection dropped or gone half-open,
 * an SMTP server that is down for a while. The service talks to GreenMail through a proxy that
 * can break the connections.
 */
class ResilienceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> PARTNERS = List.of("a@hemit.test", "b@stolav.test", "c@nabokommune.test");
    @TempDir
    Path dir;
    MailServer mail;
    TcpProxy imap;
    TcpProxy smtp;
    Harness harness;

    @BeforeEach
    void start() throws Exception {
        List<String> users = new ArrayList<>(List.of(MAILBOX, PLO, NURSE, IT, LEADER));
        users.addAll(PARTNERS);
        mail = MailServer.start(users.toArray(String[]::new));
        imap = new TcpProxy(mail.imapPort());
        smtp = new TcpProxy(mail.smtpPort());
        harness = new Harness(dir, imap.port(), smtp.port());
    }

    @AfterEach
    void stop() {
        harness.close();
        imap.close();
        smtp.close();
        mail.close();
    }

    @Test
    void restart_mid_stream_loses_nothing_and_sends_nothing_twice() {
        List<Emails> sent = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            harness.start();
            for (int i = 0; i < 6; i++) {
                Emails e = (i % 2 == 0 ? Emails.errorNotice() : Emails.inquiry().subject("Spørsmål " + round + "-" + i))
                        .from(PARTNERS.get(i % PARTNERS.size()));
                sent.add(e);
                mail.send(e.bytes(), MAILBOX);
            }
            // Stop while work is in flight: some messages processed, some not, some mail unsent.
            MailServer.sleep(150 + round * 100);
            harness.stop();
        }
        harness.start();
        harness.awaitProcessed(sent.size(), WAIT);
        harness.awaitIdleOutbox(WAIT);

        assertThat(mail.inbox(MAILBOX)).as("every message filed").isEmpty();
        assertExactlyOneCopyEach(sent);
        assertThat(Rows.query(harness.service().store(), "SELECT count(*) FROM messages WHERE status='processed'").get(0)[0])
                .isEqualTo(Integer.toString(sent.size()));
    }

    @Test
    void dropped_imap_connection_is_restored_and_mail_that_arrived_meanwhile_is_processed() {
        harness.start();
        mail.send(Emails.errorNotice().from(PARTNERS.get(0)).bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);

        imap.refuse(true);
        mail.send(Emails.errorNotice().from(PARTNERS.get(1)).bytes(), MAILBOX);
        mail.send(Emails.inquiry().from(PARTNERS.get(2)).bytes(), MAILBOX);
        MailServer.sleep(2500);
        assertThat(mail.inbox(IT)).as("nothing can be read while IMAP is away").hasSize(1);
        imap.refuse(false);

        assertThat(mail.awaitInbox(IT, 2, WAIT)).hasSize(2);
        assertThat(mail.awaitInbox(LEADER, 1, WAIT)).hasSize(1);
        harness.awaitIdleOutbox(WAIT);
        assertThat(mail.inbox(PARTNERS.get(1))).hasSize(1);
        assertThat(mail.inbox(PARTNERS.get(2))).hasSize(1);
    }

    @Test
    void half_open_imap_connection_is_noticed_without_a_fin() {
        harness.start();
        mail.send(Emails.errorNotice().from(PARTNERS.get(0)).bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);

        imap.blackholeExisting();
        long cut = System.nanoTime();
        mail.send(Emails.errorNotice().from(PARTNERS.get(1)).bytes(), MAILBOX);

        assertThat(mail.awaitInbox(IT, 2, WAIT)).hasSize(2);
        Duration noticed = Duration.ofNanos(System.nanoTime() - cut);
        // Test timings: NOOP every 1 s, read timeout 3 s, so at most 1 + 3 + 3 s plus a reconnect.
        assertThat(noticed).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void smtp_down_then_back_delivers_everything_once() {
        smtp.refuse(true);
        harness.start();
        List<Emails> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Five incidents about five organisations: each its own case (the same one would join its case).
            Emails e = Emails.errorNotice().from(PARTNERS.get(i % PARTNERS.size())).subject("Feil i meldingsutveksling Sted" + (char) ('A' + i) + " kommune");
            sent.add(e);
            mail.send(e.bytes(), MAILBOX);
        }
        harness.awaitProcessed(sent.size(), WAIT);
        MailServer.sleep(1500);
        assertThat(mail.inbox(IT)).isEmpty();
        // Each notice: copies to it, plo and sykepleier plus one receipt; no sender reaches the rate limit.
        assertThat(harness.service().store().outbox().pending()).isEqualTo(5 * 4);

        smtp.refuse(false);
        harness.awaitIdleOutbox(WAIT);
        assertExactlyOneCopyEach(sent);
        assertThat(Rows.query(harness.service().store(), "SELECT count(*) FROM outbox WHERE attempts > 1").get(0)[0]).isNotEqualTo("0");
    }

    /** Each staff recipient holds exactly one copy of each notice; each sender at most one receipt per case. */
    private void assertExactlyOneCopyEach(List<Emails> sent) {
        Map<String, Integer> copies = new HashMap<>();
        for (String staff : List.of(IT, PLO, NURSE, LEADER)) {
            for (MimeMessage m : mail.inbox(staff)) {
                String original = Mails.originalId(m);
                copies.merge(staff + " " + original, 1, Integer::sum);
            }
        }
        assertThat(copies.values()).as("copies per recipient and notice").containsOnly(1);
        for (Emails e : sent) {
            long holders = copies.keySet().stream().filter(k -> k.endsWith(" " + e.messageIdValue())).count();
            assertThat(holders).as("recipients of " + e.messageIdValue()).isGreaterThan(0);
        }
        for (String partner : PARTNERS) {
            List<String> receiptSubjects = mail.inbox(partner).stream().map(Mails::subject).toList();
            assertThat(receiptSubjects).doesNotHaveDuplicates();
        }
    }

}
