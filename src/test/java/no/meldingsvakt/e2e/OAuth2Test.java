package no.meldingsvakt.e2e;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.TcpProxy;
import no.meldingsvakt.testing.TokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SASL XOAUTH2 against GreenMail with tokens from a local client-credentials endpoint. */
class OAuth2Test {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PARTNER = "kari@hemit.test";
    @TempDir
    Path dir;
    MailServer mail;
    TokenEndpoint tokens;
    TcpProxy imap;
    Harness harness;

    @BeforeEach
    void start() throws Exception {
        mail = MailServer.start(MAILBOX, IT, Harness.PLO, Harness.NURSE, Harness.LEADER, PARTNER);
        tokens = new TokenEndpoint();
        // GreenMail checks an XOAUTH2 token like a password: the mailbox accepts the newest token issued.
        tokens.onIssue(t -> mail.greenMail().getUserManager().getUser(MAILBOX).setPassword(t));
        mail.greenMail().getUserManager().getUser(MAILBOX).setPassword("no-token-yet");
        imap = new TcpProxy(mail.imapPort());
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        imap.close();
        tokens.close();
        mail.close();
    }

    private void startService() {
        String yaml = Harness.yaml(dir, imap.port(), mail.smtpPort(), "").replace("    password_env: MV_TEST_PASSWORD\n",
                "    auth: {type: oauth2, provider: generic, token_url: '" + tokens.url() + "', client_id: " + TokenEndpoint.CLIENT_ID
                        + ", client_secret_env: MV_CLIENT_SECRET, scope: mail}\n");
        harness = new Harness(dir, yaml, Map.of("MV_CLIENT_SECRET", TokenEndpoint.CLIENT_SECRET));
        harness.start();
    }

    @Test
    void oauth2_mailbox_is_watched_and_mail_is_sent_with_xoauth2() {
        startService();
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);

        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);
        assertThat(mail.awaitInbox(PARTNER, 1, WAIT)).hasSize(1);
        assertThat(tokens.issued()).as("one token serves IMAP and SMTP").isEqualTo(1);
        assertThat(tokens.requests().get(0)).containsEntry("grant_type", "client_credentials").containsEntry("scope", "mail")
                .containsEntry("client_id", TokenEndpoint.CLIENT_ID);
    }

    @Test
    void rejected_token_is_refreshed_and_retried_once() {
        startService();
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);

        // The server stops accepting token-1 (revoked early); the next token the endpoint issues works.
        mail.greenMail().getUserManager().getUser(MAILBOX).setPassword("token-2");
        imap.dropAll();
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);

        assertThat(mail.awaitInbox(IT, 2, WAIT)).hasSize(2);
        assertThat(tokens.issued()).isEqualTo(2);
    }

    @Test
    void revoked_client_secret_is_reported_in_plain_words() {
        tokens.revokeSecret();
        startService();
        long end = System.nanoTime() + WAIT.toNanos();
        while (harness.service().health("kommune").mailboxAuthFailures() < 2 && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        var h = harness.service().health("kommune");
        assertThat(h.mailboxAuthFailures()).isGreaterThanOrEqualTo(2);
        assertThat(h.lastMailboxError()).hasValueSatisfying(e -> assertThat(e)
                .contains("answered 401: invalid_client (AADSTS7000215: Invalid client secret provided.)")
                .doesNotContain(TokenEndpoint.CLIENT_SECRET));
        assertThat(h.lastWatched()).isEmpty();
    }

    @Test
    void slow_token_endpoint_fails_within_the_timeout_and_recovers() {
        tokens.delay(4000);
        startService();
        long end = System.nanoTime() + WAIT.toNanos();
        while (harness.service().health("kommune").lastMailboxError().isEmpty() && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        assertThat(harness.service().health("kommune").lastMailboxError()).hasValueSatisfying(e -> assertThat(e).contains("did not answer within 2 s"));
        tokens.delay(0);
        mail.send(Emails.errorNotice().from(PARTNER).bytes(), MAILBOX);
        assertThat(mail.awaitInbox(IT, 1, WAIT)).hasSize(1);
    }
}
