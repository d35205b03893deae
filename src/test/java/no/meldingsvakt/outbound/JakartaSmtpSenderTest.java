package no.meldingsvakt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.FallbackSmtp;
import no.meldingsvakt.config.Secret;
import no.meldingsvakt.config.Security;
import no.meldingsvakt.config.ServerConfig;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;

class JakartaSmtpSenderTest {
    private static byte[] mail(String subject) {
        return ("From: vakt@kommune.test\r\nTo: undisclosed-recipients:;\r\nSubject: " + subject + "\r\n\r\nTekst.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void one_connection_carries_a_burst_and_is_closed_once_idle() throws Exception {
        try (MailServer mail = MailServer.start("vakt@kommune.test", "a@kommune.test", "b@kommune.test")) {
            ServerConfig server = new ServerConfig("127.0.0.1", mail.smtpPort(), Security.PLAIN, Optional.empty());
            JakartaSmtpSender sender = new JakartaSmtpSender(List.of(), Map.of(), Optional.of(new FallbackSmtp(server, "vakt@kommune.test",
                    Secret.of("test", MailServer.PASSWORD), "vakt@kommune.test")));
            try {
                sender.send("x", OutgoingMail.VIA_FALLBACK, "vakt@kommune.test", List.of("a@kommune.test", "b@kommune.test"), mail("første"));
                sender.send("x", OutgoingMail.VIA_FALLBACK, "vakt@kommune.test", List.of("a@kommune.test"), mail("andre"));
                assertThat(sender.openConnections()).isEqualTo(1);

                sender.closeIdle(Duration.ofHours(1));
                assertThat(sender.openConnections()).as("still in use").isEqualTo(1);
                Thread.sleep(20);
                sender.closeIdle(Duration.ofMillis(10));
                assertThat(sender.openConnections()).as("idle: the relay's session is given back").isZero();

                sender.send("x", OutgoingMail.VIA_FALLBACK, "vakt@kommune.test", List.of("b@kommune.test"), mail("tredje"));
                assertThat(mail.awaitInbox("a@kommune.test", 2, Duration.ofSeconds(5))).hasSize(2);
                assertThat(mail.awaitInbox("b@kommune.test", 2, Duration.ofSeconds(5))).hasSize(2);
            } finally {
                sender.close();
            }
        }
    }

    @Test
    void prepare_opens_the_connection_the_next_mail_goes_out_on() throws Exception {
        try (MailServer mail = MailServer.start("vakt@kommune.test", "a@kommune.test")) {
            JakartaSmtpSender sender = senderFor(mail.smtpPort());
            try {
                sender.prepare("kommune");
                assertThat(sender.openConnections()).as("opened before any mail").isEqualTo(1);
                sender.prepare("kommune");
                sender.send("kommune", OutgoingMail.VIA_ORG, "vakt@kommune.test", List.of("a@kommune.test"), mail("første"));
                assertThat(sender.openConnections()).as("the mail took the prepared connection").isEqualTo(1);
                assertThat(mail.awaitInbox("a@kommune.test", 1, Duration.ofSeconds(5))).hasSize(1);
            } finally {
                sender.close();
            }
        }
    }

    @Test
    void prepare_toward_a_server_that_is_down_neither_throws_nor_keeps_anything() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        JakartaSmtpSender sender = senderFor(closed);
        sender.prepare("kommune");
        sender.prepare("ukjent");
        assertThat(sender.openConnections()).isZero();
    }

    private static JakartaSmtpSender senderFor(int smtpPort) throws Exception {
        String yaml = """
                organisations:
                  - id: kommune
                    address: vakt@kommune.test
                    password_env: PW
                    imap: {host: 127.0.0.1, port: 1, security: plain, allow_insecure: true}
                    smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                    lists: {drift: [a@kommune.test]}
                    fallback_lists: [drift]
                    trust: none
                """.formatted(smtpPort);
        AppConfig config = ConfigLoader.withEnvironment(Map.of("PW", MailServer.PASSWORD)::get).parse(java.nio.file.Path.of("test.yaml"), yaml);
        return new JakartaSmtpSender(config.organisations(),
                Map.of("kommune", Credentials.password("vakt@kommune.test", Secret.of("test", MailServer.PASSWORD))), Optional.empty());
    }
}
