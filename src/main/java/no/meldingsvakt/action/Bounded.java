package no.meldingsvakt.action;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import no.meldingsvakt.message.Deadline;

/**
 * Runs one piece of work on a worker thread of its own with a deadline. Past the deadline the
 * caller gets {@code onTimeout} and goes on; the worker is interrupted and left to end by itself
 * (a regular expression ignores interrupts), and whatever it still produces is thrown away.
 */
final class Bounded {
    private static final AtomicInteger ABANDONED = new AtomicInteger();

    private Bounded() {}

    static <T> T within(Duration limit, String name, Callable<T> work, Supplier<T> onTimeout) {
        Instant until = Instant.now().plus(limit);
        FutureTask<T> task = new FutureTask<>(() -> {
            Deadline.set(until);
            try {
                return work.call();
            } finally {
                Deadline.clear();
            }
        });
        Thread worker = new Thread(task, name);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            ABANDONED.incrementAndGet();
            return onTimeout.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    /** How many workers ran past their deadline since start. */
    static int abandoned() {
        return ABANDONED.get();
    }
}
