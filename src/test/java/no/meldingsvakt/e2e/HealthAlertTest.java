package no.meldingsvakt.e2e;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No silent failure: a mailbox or SMTP server that stops working is reported once, then cleared once. */
class HealthAlertTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PARTNER = "kari@hemit.test";
    private static final String HEALTH = """
            health: {check_every: 1s, unwatched_after: 3s, undeliverable_after: 3s, repeat_after: 1h}
            """;
    @TempDir
    Path dir;
    MailServer mail;
    TcpProxy imap;
    TcpProxy smtp;
    Harness harness;

    @BeforeEach
    void start() throws Exception {
        mail = MailServer.start(MAILBOX, IT, Harness.PLO, Harness.NURSE, Harness.LEADER, PARTNER);
        imap = new TcpProxy(mail.imapPort());
        smtp = new TcpProxy(mail.smtpPort());
    }

    @AfterEach
    void stop() {
        harness.close();
        imap.close();
        smtp.close();
        mail.close();
    }

    @Test
    void mailbox_whose_server_goes_away_triggers_exactly_one_alert_and_one_all_clear() {
        harness = new Harness(dir, HEALTH + Harness.yaml(dir, imap.port(), smtp.port(), ""));
        harness.start();
        MailServer.sleep(1500);
        assertThat(mail.inbox(IT)).as("healthy: nothing to say").isEmpty();

        imap.refuse(true);
        List<MimeMessage> alerts = mail.awaitInbox(IT, 1, WAIT);
        assertThat(alerts).extracting(Mails::subject).containsExactly("[Meldingsvakt] VARSEL: Postkassen overvåkes ikke – " + MAILBOX);
        MailServer.sleep(4000);
        assertThat(mail.inbox(IT)).as("no repeat within repeat_after").hasSize(1);
        assertThat(harness.service().store().alerts().open("kommune")).extracting(a -> a.problem()).containsExactly("unwatched");

        imap.refuse(false);
        assertThat(mail.awaitInbox(IT, 2, WAIT)).extracting(Mails::subject)
                .containsExactly("[Meldingsvakt] VARSEL: Postkassen overvåkes ikke – " + MAILBOX,
                        "[Meldingsvakt] Løst: Postkassen overvåkes ikke – " + MAILBOX);
        MailServer.sleep(3000);
        assertThat(mail.inbox(IT)).hasSize(2);
        assertThat(harness.service().store().alerts().open("kommune")).isEmpty();
    }

    @Test
    void broken_smtp_is_reported_through_the_fallback_smtp_server() throws Exception {
        String fallback = """
                fallback_smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true,
                                user: meldingsansvarlig@kommune.test, password_env: MV_TEST_PASSWORD, from: meldingsvakt@drift.test}
                """.formatted(mail.smtpPort());
        harness = new Harness(dir, HEALTH + fallback + Harness.yaml(dir, imap.port(), smtp.port(), ""));
        smtp.refuse(true);
        harness.start();
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);

        List<MimeMessage> alerts = mail.awaitInbox(IT, 1, WAIT);
        assertThat(alerts).extracting(Mails::subject).containsExactly("[Meldingsvakt] VARSEL: E-post kan ikke sendes – " + MAILBOX);
        assertThat(alerts.get(0).getHeader("From", null)).contains("meldingsvakt@drift.test");
        assertThat(harness.service().store().outbox().pendingVia("kommune").count()).as("the notice's mail still waits").isEqualTo(4);

        smtp.refuse(false);
        harness.awaitIdleOutbox(WAIT);
        List<String> subjects = mail.awaitInbox(IT, 3, WAIT).stream().map(Mails::subject).toList();
        assertThat(subjects).contains("[Meldingsvakt] Feil i meldingsutveksling: Feil i meldingsutveksling",
                "[Meldingsvakt] Løst: E-post kan ikke sendes – " + MAILBOX);
        assertThat(mail.inbox(PARTNER)).hasSize(1);
    }
}
