package no.meldingsvakt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void every_mail_connection_has_nagle_off_whatever_its_security() throws Exception {
        for (Security security : Security.values()) {
            ServerConfig server = new ServerConfig("mail.example.no", 993, security, Optional.empty());
            String protocol = security == Security.TLS ? "imaps" : "imap";
            Object factory = server.mailProperties("imap", Duration.ofSeconds(30)).get("mail." + protocol + ".socketFactory");
            assertThat(factory).as(security.name()).isInstanceOf(SocketFactory.class);
            try (Socket s = ((SocketFactory) factory).createSocket()) {
                assertThat(s.getTcpNoDelay()).as(security.name()).isTrue();
                assertThat(s.isConnected()).as("Angus connects it, with its own timeouts").isFalse();
            }
        }
    }
}
