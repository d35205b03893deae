package no.meldingsvakt.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import no.meldingsvakt.config.AuthConfig;
import no.meldingsvakt.config.OrganisationConfig;

/** What a mail connection logs in with. */
public interface Credentials {
    String user();

    /** The password or access token; {@code refresh} forces a new token (after the server rejected one). */
    String secret(boolean refresh) throws AuthException;

    /**
     * A fresh secret after the server refused {@code rejected}. Several connections (the watcher,
     * the Sent folder reader, the outbox) that report the same refused token share one refresh.
     */
    default String renewed(String rejected) throws AuthException {
        return secret(true);
    }

    /** Whether the secret is an OAuth2 token, to be sent with SASL XOAUTH2. */
    boolean oauth2();

    static Credentials password(String user, no.meldingsvakt.config.Secret password) {
        return new PasswordCredentials(user, password);
    }

    static Credentials of(OrganisationConfig org, HttpClient http, Clock clock, Duration tokenTimeout) {
        if (org.auth() instanceof AuthConfig.Password p) {
            return new PasswordCredentials(org.user(), p.password());
        }
        AuthConfig.OAuth2 o = (AuthConfig.OAuth2) org.auth();
        return new OAuth2Credentials(org.user(), new TokenClient(o, org.user(), http, clock, tokenTimeout), clock);
    }
}
