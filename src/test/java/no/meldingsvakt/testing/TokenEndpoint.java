package no.meldingsvakt.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local OAuth2 token endpoint for the client-credentials grant. Tokens are {@code token-1},
 * {@code token-2}, …; {@code onIssue} lets a test make the mail server accept the new one.
 * It can revoke the client secret, answer slowly, or fail.
 */
public final class TokenEndpoint implements AutoCloseable {
    public static final String CLIENT_ID = "meldingsvakt-test";
    /** The secret the client is configured with; {@link #revokeSecret()} makes the endpoint stop accepting it. */
    public static final String CLIENT_SECRET = "client-s3cret";
    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile String secret = CLIENT_SECRET;
    private volatile long lifetimeSeconds = 3600;
    private volatile long delayMillis;
    private volatile int failWith;
    private volatile Consumer<String> onIssue = t -> { };

    public TokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    public void revokeSecret() {
        secret = "something-else";
    }

    public void lifetime(long seconds) {
        lifetimeSeconds = seconds;
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    public void failWith(int status) {
        failWith = status;
    }

    public void onIssue(Consumer<String> action) {
        onIssue = action;
    }

    public int issued() {
        return issued.get();
    }

    public List<Map<String, String>> requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(form);
        if (delayMillis > 0) {
            MailServer.sleep(delayMillis);
        }
        if (failWith != 0) {
            reply(ex, failWith, "{\"error\":\"temporarily_unavailable\"}");
        } else if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !secret.equals(form.get("client_secret"))) {
            reply(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}");
        } else {
            String token = "token-" + issued.incrementAndGet();
            onIssue.accept(token);
            reply(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeSeconds + ",\"access_token\":\"" + token + "\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
