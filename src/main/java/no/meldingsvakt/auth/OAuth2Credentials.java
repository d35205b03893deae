package no.meldingsvakt.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A cached access token, fetched again when it has less than a fifth of its life (at most five
 * minutes) left, or when the mail server rejected it. Thread-safe: watcher and outbox share it.
 */
final class OAuth2Credentials implements Credentials {
    private final String user;
    private final TokenClient client;
    private final Clock clock;
    private TokenClient.Token token;
    private Instant refreshAt = Instant.MIN;

    OAuth2Credentials(String user, TokenClient client, Clock clock) {
        this.user = user;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public synchronized String secret(boolean refresh) throws AuthException {
        Instant now = clock.instant();
        if (refresh || token == null || !now.isBefore(refreshAt)) {
            token = client.fetch();
            Duration life = Duration.between(now, token.expiresAt());
            Duration margin = life.dividedBy(5);
            if (margin.compareTo(Duration.ofMinutes(5)) > 0) {
                margin = Duration.ofMinutes(5);
            }
            refreshAt = token.expiresAt().minus(margin);
        }
        return token.value();
    }

    @Override
    public synchronized String renewed(String rejected) throws AuthException {
        if (token != null && !token.value().equals(rejected)) {
            return token.value(); // another connection already replaced it
        }
        return secret(true);
    }

    @Override
    public boolean oauth2() {
        return true;
    }

    @Override
    public String toString() {
        return "OAuth2Credentials[" + user + ", token ******]";
    }
}
