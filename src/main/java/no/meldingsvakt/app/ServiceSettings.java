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
        Duration sentFolderEvery) {
    public ServiceSettings(WatcherSettings watcher, Backoff outboxRetry, Duration tokenTimeout) {
        this(watcher, outboxRetry, tokenTimeout, Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(WatcherSettings.defaults(), new Backoff(Duration.ofSeconds(15), Duration.ofMinutes(10)),
                Duration.ofSeconds(15));
    }

    public ServiceSettings withFollowUp(Duration followUp, Duration sentFolder) {
        return new ServiceSettings(watcher, outboxRetry, tokenTimeout, followUp, sentFolder);
    }
}
