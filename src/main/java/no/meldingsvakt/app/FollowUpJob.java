package no.meldingsvakt.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import no.meldingsvakt.action.Reminders;
import no.meldingsvakt.config.OrganisationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Reminders} for every organisation, on the instance that holds the jobs' lease. A
 * failing organisation is logged and the others go on; a commit of new reminders wakes the outbox.
 */
final class FollowUpJob {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpJob.class);
    private final List<OrganisationConfig> orgs;
    private final Reminders reminders;
    private final Clock clock;
    private final Duration every;
    private final Runnable wake;
    private final BooleanSupplier leader;

    FollowUpJob(List<OrganisationConfig> orgs, Reminders reminders, Clock clock, Duration every, Runnable wake, BooleanSupplier leader) {
        this.orgs = orgs;
        this.reminders = reminders;
        this.clock = clock;
        this.every = every;
        this.wake = wake;
        this.leader = leader;
    }

    Duration every() {
        return every;
    }

    void tick() {
        if (!leader.getAsBoolean()) {
            return;
        }
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
}
