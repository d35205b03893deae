package no.meldingsvakt.app;

import java.time.Duration;
import no.meldingsvakt.mailbox.WatcherSettings;
import no.meldingsvakt.outbound.Backoff;

/** Timings the service runs with; tests shorten them, production uses {@link #defaults()}. */
public record ServiceSettings(WatcherSettings watcher, Backoff outboxRetry, Duration tokenTimeout) {
    public static ServiceSettings defaults() {
        return new ServiceSettings(WatcherSettings.defaults(), new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(10)),
                Duration.ofSeconds(15));
    }
}
