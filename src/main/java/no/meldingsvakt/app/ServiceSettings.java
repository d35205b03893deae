package no.meldingsvakt.app;

import java.time.Duration;
import no.meldingsvakt.mailbox.WatcherSettings;
import no.meldingsvakt.outbound.Backoff;

/**
 * Timings the service runs with; tests shorten them, production uses {@link #defaults()}.
 * {@code followUpEvery} is how often reminders are checked, {@code sentFolderEvery} how often the
 * Sent folders are looked at.
 */
public record ServiceSettings(WatcherSettings watcher, Backoff outboxRetry, Duration tokenTimeout, Duration followUpEvery,
        Duration sentFolderEvery, Duration leaseTtl) {
    /** How long a mailbox's lease lasts unrenewed (PostgreSQL): a standby takes over at most this long after the holder stopped. */
    public static final Duration LEASE_TTL = Duration.ofSeconds(15);

    public ServiceSettings(WatcherSettings watcher, Backoff outboxRetry, Duration tokenTimeout) {
        this(watcher, outboxRetry, tokenTimeout, Duration.ofSeconds(30), Duration.ofSeconds(60), LEASE_TTL);
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(WatcherSettings.defaults(), new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(10)),
                Duration.ofSeconds(15));
    }

    public ServiceSettings withFollowUp(Duration followUp, Duration sentFolder) {
        return new ServiceSettings(watcher, outboxRetry, tokenTimeout, followUp, sentFolder, leaseTtl);
    }

    public ServiceSettings withLeaseTtl(Duration ttl) {
        return new ServiceSettings(watcher, outboxRetry, tokenTimeout, followUpEvery, sentFolderEvery, ttl);
    }
}
