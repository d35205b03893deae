package no.meldingsvakt.config;

/** A second way out for alerts, used when an organisation's own SMTP is what is broken. */
public record FallbackSmtp(ServerConfig server, String user, Secret password, String from) {}
