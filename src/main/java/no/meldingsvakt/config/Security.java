package no.meldingsvakt.config;

/** Transport security for IMAP and SMTP; {@code PLAIN} is accepted only with {@code allow_insecure: true}. */
public enum Security {
    TLS, STARTTLS, PLAIN
}
