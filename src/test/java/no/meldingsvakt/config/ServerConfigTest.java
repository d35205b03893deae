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

    @Test
    void a_private_ca_keeps_nagle_off_for_implicit_tls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // The certificate of the OAuth2 test app stands in for a private CA.
        String pem = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/auth/test-app.pem"));
        java.nio.file.Path ca = java.nio.file.Files.writeString(dir.resolve("ca.pem"), pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")));
        ServerConfig server = new ServerConfig("mail.example.no", 993, Security.TLS, Optional.empty(), Optional.of(ca));
        Object factory = server.mailProperties("imap", Duration.ofSeconds(30)).get("mail.imaps.ssl.socketFactory");
        assertThat(factory).isInstanceOf(javax.net.ssl.SSLSocketFactory.class);
        try (Socket s = ((SocketFactory) factory).createSocket()) {
            assertThat(s).isInstanceOf(javax.net.ssl.SSLSocket.class);
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }
}
