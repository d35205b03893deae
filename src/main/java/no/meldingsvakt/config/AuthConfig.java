package no.meldingsvakt.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** How Meldingsvakt logs in to an organisation's IMAP and SMTP servers. */
public sealed interface AuthConfig {

    /** A password (IMAP LOGIN / SMTP AUTH PLAIN). */
    record Password(Secret password) implements AuthConfig {}

    /**
     * SASL XOAUTH2 with a token from {@code tokenUrl}. Microsoft: client-credentials with a client
     * secret or a certificate; Google: a service account ({@code clientSecret} holds its JSON key)
     * acting for the mailbox; generic: client-credentials at any token endpoint.
     */
    record OAuth2(Provider provider, Optional<String> tenant, String clientId, Optional<Secret> clientSecret,
            Optional<Path> certificate, URI tokenUrl, String scope) implements AuthConfig {}

    enum Provider {
        MICROSOFT, GOOGLE, GENERIC
    }
}
