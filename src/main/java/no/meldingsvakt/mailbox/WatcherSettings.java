package no.meldingsvakt.mailbox;

import java.time.Duration;
import no.meldingsvakt.outbound.Backoff;

/**
 * Timing of a watcher. The NOOP interval bounds how long a half-open connection goes unnoticed
 * (interval + two read timeouts); it also re-issues IDLE far inside the 29 minutes servers allow.
 */
public record WatcherSettings(Duration keepalive, Duration readTimeout, Backoff reconnect, Duration fullScan, Duration messageDeadline) {
    public WatcherSettings(Duration keepalive, Duration readTimeout, Backoff reconnect, Duration fullScan) {
        this(keepalive, readTimeout, reconnect, fullScan, Duration.ofSeconds(30));
    }

    /** The same timings with the configured per-message deadline. */
    public WatcherSettings withMessageDeadline(Duration d) {
        return new WatcherSettings(keepalive, readTimeout, reconnect, fullScan, d);
    }

    public static WatcherSettings defaults() {
        return new WatcherSettings(Duration.ofSeconds(10), Duration.ofSeconds(20),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2)), Duration.ofMinutes(1));
    }
}
