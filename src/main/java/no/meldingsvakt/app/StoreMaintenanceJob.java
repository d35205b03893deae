package no.meldingsvakt.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private ScheduledExecutorService timer;

    StoreMaintenanceJob(Retention retention, Duration keep, Duration checkpointEvery) {
        this.retention = retention;
        this.keep = keep;
        this.checkpointEvery = checkpointEvery;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-maintenance");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::purge, 0, 1, TimeUnit.DAYS);
        timer.scheduleWithFixedDelay(this::checkpoint, checkpointEvery.toMillis(), checkpointEvery.toMillis(), TimeUnit.MILLISECONDS);
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

    void stop() {
        Timers.stop(timer);
    }
}
