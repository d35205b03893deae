package no.meldingsvakt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.AuthConfig;
import no.meldingsvakt.config.Secret;
import no.meldingsvakt.testing.TokenEndpoint;
import no.meldingsvakt.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenClientTest {
    private static final Path PEM = Path.of("src/test/resources/auth/test-app.pem");
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T08:00:00Z"));
    private TokenEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = new TokenEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void token_is_cached_and_refreshed_before_it_expires() throws Exception {
        endpoint.lifetime(100);
        Credentials c = credentials(generic(Optional.of(Secret.of("test", TokenEndpoint.CLIENT_SECRET))));
        assertThat(c.secret(false)).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(79));
        assertThat(c.secret(false)).as("80 % of its life left").isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(c.secret(false)).as("less than a fifth left").isEqualTo("token-2");
        assertThat(c.secret(true)).as("forced after a rejection").isEqualTo("token-3");
        assertThat(c.renewed("token-2")).as("another connection already replaced the refused token").isEqualTo("token-3");
        assertThat(c.renewed("token-3")).as("the current token refused: fetch one").isEqualTo("token-4");
        assertThat(c.toString()).doesNotContain("token-");
    }

    @Test
    void failing_endpoint_is_reported_with_its_status() {
        endpoint.failWith(503);
        Credentials c = credentials(generic(Optional.of(Secret.of("test", TokenEndpoint.CLIENT_SECRET))));
        assertThatThrownBy(() -> c.secret(false)).isInstanceOf(AuthException.class)
                .hasMessageContaining("answered 503: temporarily_unavailable");
    }

    @Test
    void microsoft_certificate_login_sends_a_signed_client_assertion() throws Exception {
        AuthConfig.OAuth2 cfg = new AuthConfig.OAuth2(AuthConfig.Provider.MICROSOFT, Optional.of("tenant"), TokenEndpoint.CLIENT_ID,
                Optional.empty(), Optional.of(PEM), endpoint.url(), "https://outlook.office365.com/.default");
        try {
            new TokenClient(cfg, "m@org.test", http, clock, Duration.ofSeconds(5)).fetch();
        } catch (AuthException expected) {
            // The test endpoint only knows client secrets; the request itself is what is checked.
        }
        Map<String, String> form = endpoint.requests().get(0);
        assertThat(form).containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret").containsEntry("scope", "https://outlook.office365.com/.default");
        JsonNode claims = verified(form.get("client_assertion"));
        assertThat(claims.path("iss").asText()).isEqualTo(TokenEndpoint.CLIENT_ID);
        assertThat(claims.path("aud").asText()).isEqualTo(endpoint.url().toString());
        assertThat(claims.path("exp").asLong() - claims.path("nbf").asLong()).isEqualTo(600);
        JsonNode header = json(form.get("client_assertion").split("\\.")[0]);
        assertThat(header.path("x5t").asText()).isEqualTo(Jwt.thumbprint(cert()));
    }

    @Test
    void google_service_account_acts_for_the_mailbox() throws Exception {
        String key = Files.readString(Path.of("src/test/resources/auth/google-service-account.json"));
        AuthConfig.OAuth2 cfg = new AuthConfig.OAuth2(AuthConfig.Provider.GOOGLE, Optional.empty(), "", Optional.of(Secret.of("file", key)),
                Optional.empty(), endpoint.url(), "https://mail.google.com/");
        try {
            new TokenClient(cfg, "meldingsansvarlig@org.test", http, clock, Duration.ofSeconds(5)).fetch();
        } catch (AuthException expected) {
            // As above.
        }
        Map<String, String> form = endpoint.requests().get(0);
        assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        JsonNode claims = verified(form.get("assertion"));
        assertThat(claims.path("sub").asText()).isEqualTo("meldingsansvarlig@org.test");
        assertThat(claims.path("iss").asText()).isEqualTo("meldingsvakt@test-project.iam.gserviceaccount.test");
        assertThat(claims.path("scope").asText()).isEqualTo("https://mail.google.com/");
    }

    private Credentials credentials(AuthConfig.OAuth2 cfg) {
        return new OAuth2Credentials("m@org.test", new TokenClient(cfg, "m@org.test", http, clock, Duration.ofSeconds(5)), clock);
    }

    private AuthConfig.OAuth2 generic(Optional<Secret> secret) {
        return new AuthConfig.OAuth2(AuthConfig.Provider.GENERIC, Optional.empty(), TokenEndpoint.CLIENT_ID, secret, Optional.empty(),
                endpoint.url(), "");
    }

    private static X509Certificate cert() throws Exception {
        return Jwt.certificate(Files.readString(PEM));
    }

    /** Checks the RS256 signature with the test certificate's public key and returns the claims. */
    private static JsonNode verified(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(cert().getPublicKey());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(s.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
        return json(parts[1]);
    }

    private static JsonNode json(String b64) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(b64));
    }
}
