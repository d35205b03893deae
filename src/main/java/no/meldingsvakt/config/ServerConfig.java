package no.meldingsvakt.config;

import java.util.Optional;

/**
 * One IMAP or SMTP endpoint. {@code sslTrust} names hosts whose certificate is trusted without a
 * CA chain (Jakarta Mail's {@code ssl.trust}); only for self-signed test servers.
 */
public record ServerConfig(String host, int port, Security security, Optional<String> sslTrust) {}
