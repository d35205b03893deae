package no.meldingsvakt.mailbox;

import java.time.Duration;
import no.meldingsvakt.outbound.Backoff;

/**
 * Timing of a watcher. The NOOP interval bounds how long a half-open connection goes unnoticed
 * (interval + two read timeouts: 100 s by default); it also re-issues IDLE far inside the 29 minutes
 * servers allow. Every NOOP, and every full scan (a search and a STATUS, the safety net for a
 * server that dropped a notification), takes the connection out of IDLE and back: with 2 000
 * mailboxes a NOOP every 10 s and a scan every minute were 230 round trips a second of idle work,
 * 13 % of a core; a NOOP a minute and a scan every five are 40.
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
        return new WatcherSettings(Duration.ofSeconds(60), Duration.ofSeconds(20),
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2)), Duration.ofMinutes(5));
    }
}
