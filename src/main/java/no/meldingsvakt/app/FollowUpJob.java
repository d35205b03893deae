package no.meldingsvakt.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.meldingsvakt.action.Reminders;
import no.meldingsvakt.config.OrganisationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Reminders} for every organisation on a fixed tick. A failing tick is logged and the
 * next one runs as usual; a commit of new reminders wakes the outbox.
 */
final class FollowUpJob {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpJob.class);
    private final List<OrganisationConfig> orgs;
    private final Reminders reminders;
    private final Clock clock;
    private final Duration every;
    private final Runnable wake;
    private ScheduledExecutorService timer;

    FollowUpJob(List<OrganisationConfig> orgs, Reminders reminders, Clock clock, Duration every, Runnable wake) {
        this.orgs = orgs;
        this.reminders = reminders;
        this.clock = clock;
        this.every = every;
        this.wake = wake;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "follow-up");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void tick() {
        int queued = 0;
        for (OrganisationConfig org : orgs) {
            try {
                queued += reminders.run(org, clock.instant());
            } catch (RuntimeException e) {
                LOG.error("follow-up for {} failed; trying again in {} s: {}", org.id(), every.toSeconds(), e.toString());
            }
        }
        if (queued > 0) {
            wake.run();
        }
    }

    void stop() {
        Timers.stop(timer);
    }
}
