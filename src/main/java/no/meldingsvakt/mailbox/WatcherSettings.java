package no.meldingsvakt.mailbox;

import java.time.Duration;
import no.meldingsvakt.outbound.Backoff;

/**
 * Timing of a watcher. The NOOP interval bounds how long a half-open connection goes unnoticed
 * (interval + two read timeouts: 70 s by default); it also re-issues IDLE far inside the 29 minutes
 * servers allow. Every NOOP takes the connection out of IDLE and back, which with 2 000 mailboxes
 * every 10 s was 200 round trips a second of idle work; every 30 s it is a third of that.
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
        return new WatcherSettings(Duration.ofSeconds(30), Duration.ofSeconds(20),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2)), Duration.ofMinutes(1));
    }
}
