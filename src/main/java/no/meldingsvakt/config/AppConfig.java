package no.meldingsvakt.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, loaded once at start. {@code retention}: how long message records,
 * cases and the audit are kept; {@code messageDeadline}: the most one message may take to process
 * before it is quarantined and the next one goes on; {@code logFormat}: {@code text} or {@code json};
 * {@code postgres}: a shared PostgreSQL store instead of the SQLite file at {@code storePath}.
 */
public record AppConfig(Path source, Path storePath, Optional<Path> templatesDir, HealthConfig health, Optional<FallbackSmtp> fallbackSmtp,
        List<OrganisationConfig> organisations, Duration retention, Duration messageDeadline, String logFormat,
        Optional<PostgresConfig> postgres, Optional<ConsoleConfig> console) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(395);
    /** Twelve whole months before the month reported on, and that month: what the report's chart needs. */
    public static final Duration REPORT_RETENTION = Duration.ofDays(395);
    public static final Duration DEFAULT_MESSAGE_DEADLINE = Duration.ofSeconds(30);

    /** The same config with another console (the demo serves its own on a port of its choosing). */
    public AppConfig withConsole(ConsoleConfig c) {
        return new AppConfig(source, storePath, templatesDir, health, fallbackSmtp, organisations, retention, messageDeadline, logFormat, postgres,
                Optional.of(c));
    }

    public Optional<OrganisationConfig> organisation(String id) {
        return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Where this instance notes each mail SMTP accepted before the store knows it: beside the SQLite file, or the PostgreSQL store's {@code journal}. */
    public Path sentJournal() {
        return postgres.map(PostgresConfig::journal).orElse(Path.of(storePath + "-sent.journal"));
    }
}
