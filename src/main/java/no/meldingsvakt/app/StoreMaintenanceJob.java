package no.meldingsvakt.app;

import java.time.Duration;
import no.meldingsvakt.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store small and forgetful: every {@code checkpointEvery} the WAL is emptied (so content
 * already deleted does not linger there), and once a day, and at start, what is older than the
 * retention is purged and the log says how much. A failure is logged and tried again next time.
 */
final class StoreMaintenanceJob {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenanceJob.class);
    private final Retention retention;
    private final Duration keep;
    private final Duration checkpointEvery;
    private final java.util.function.BooleanSupplier leader;

    StoreMaintenanceJob(Retention retention, Duration keep, Duration checkpointEvery, java.util.function.BooleanSupplier leader) {
        this.retention = retention;
        this.keep = keep;
        this.checkpointEvery = checkpointEvery;
        this.leader = leader;
    }

    /** Purges at once and then daily (on the instance that holds the jobs' lease); checkpoints the WAL on its own interval. */
    void schedule(Scheduler scheduler) {
        scheduler.every("retention purge", Duration.ZERO, Duration.ofDays(1), () -> {
            if (leader.getAsBoolean()) {
                purge();
            }
        });
        scheduler.every("WAL checkpoint", checkpointEvery, checkpointEvery, this::checkpoint);
    }

    void purge() {
        try {
            Retention.Purged p = retention.purgeOlderThan(keep);
            LOG.info("retention: removed {} older than {} days", p, keep.toDays());
        } catch (RuntimeException e) {
            LOG.error("retention purge failed; trying again tomorrow: {}", e.toString());
        }
    }

    private void checkpoint() {
        try {
            retention.checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("WAL checkpoint failed; trying again in {} s: {}", checkpointEvery.toSeconds(), e.toString());
        }
    }
}
