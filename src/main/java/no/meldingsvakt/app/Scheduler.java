package no.meldingsvakt.app;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one scheduler of the service's periodic work: leases, health checks, follow-up, Sent
 * folders, store maintenance. A job that fails is logged and runs again at its next time.
 */
final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final ScheduledThreadPoolExecutor pool;

    Scheduler(int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code job} after {@code first}, then {@code every} after each run ends. */
    void every(String name, Duration first, Duration every, Runnable job) {
        pool.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again in {} s: {}", name, Math.max(1, every.toSeconds()), e.toString(), e);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts running jobs and waits a little for them, so a stop does not leave a job writing to a closed store. */
    void stop() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
