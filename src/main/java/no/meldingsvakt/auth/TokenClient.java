package no.meldingsvakt.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.meldingsvakt.config.AuthConfig;

/** Asks a token endpoint for an access token, the way each provider wants to be asked. */
final class TokenClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AuthConfig.OAuth2 config;
    private final String mailbox;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;

    TokenClient(AuthConfig.OAuth2 config, String mailbox, HttpClient http, Clock clock, Duration timeout) {
        this.config = config;
        this.mailbox = mailbox;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[******, expires " + expiresAt + "]";
        }
    }

    Token fetch() throws AuthException {
        Map<String, String> form;
        try {
            form = form();
        } catch (GeneralSecurityException | IOException e) {
            throw new AuthException("cannot build the token request: " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(config.tokenUrl())
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AuthException("token endpoint " + config.tokenUrl() + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AuthException("cannot reach token endpoint " + config.tokenUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("interrupted while fetching a token", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            String why = body.path("error").asText("") + (body.hasNonNull("error_description") ? " (" + firstLine(body.path("error_description").asText()) + ")" : "");
            throw new AuthException("token endpoint " + config.tokenUrl() + " answered " + response.statusCode()
                    + (why.isBlank() ? "" : ": " + why), null);
        }
        long seconds = body.path("expires_in").asLong(3600);
        return new Token(body.get("access_token").asText(), clock.instant().plusSeconds(Math.max(seconds, 1)));
    }

    private Map<String, String> form() throws GeneralSecurityException, IOException {
        Map<String, String> f = new LinkedHashMap<>();
        switch (config.provider()) {
            case GOOGLE -> {
                JsonNode key = JSON.readTree(config.clientSecret().orElseThrow().reveal());
                Instant now = clock.instant();
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("iss", key.path("client_email").asText());
                claims.put("sub", mailbox);
                claims.put("scope", config.scope());
                claims.put("aud", config.tokenUrl().toString());
                claims.put("iat", now.getEpochSecond());
                claims.put("exp", now.getEpochSecond() + 3600);
                f.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
                f.put("assertion", Jwt.sign(Map.of(), claims, Jwt.privateKey(key.path("private_key").asText())));
            }
            default -> {
                f.put("grant_type", "client_credentials");
                f.put("client_id", config.clientId());
                if (config.certificate().isPresent()) {
                    String pem = Files.readString(config.certificate().get());
                    PrivateKey key = Jwt.privateKey(pem);
                    X509Certificate cert = Jwt.certificate(pem);
                    Instant now = clock.instant();
                    Map<String, Object> claims = new LinkedHashMap<>();
                    claims.put("aud", config.tokenUrl().toString());
                    claims.put("iss", config.clientId());
                    claims.put("sub", config.clientId());
                    claims.put("jti", UUID.randomUUID().toString());
                    claims.put("nbf", now.getEpochSecond());
                    claims.put("iat", now.getEpochSecond());
                    claims.put("exp", now.getEpochSecond() + 600);
                    f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                    f.put("client_assertion", Jwt.sign(Map.of("x5t", Jwt.thumbprint(cert)), claims, key));
                } else {
                    f.put("client_secret", config.clientSecret().orElseThrow().reveal());
                }
                if (!config.scope().isBlank()) {
                    f.put("scope", config.scope());
                }
            }
        }
        return f;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
