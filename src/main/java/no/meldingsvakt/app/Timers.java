package no.meldingsvakt.app;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the scheduled jobs' timers the same way everywhere. */
final class Timers {
    private Timers() {}

    /** Interrupts a running tick and waits a little for it, so a stop does not leave a job writing to a closed store. */
    static void stop(ScheduledExecutorService timer) {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
