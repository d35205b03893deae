package no.meldingsvakt.mailbox;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.meldingsvakt.auth.AuthException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every watcher shares, so that a mailbox at rest costs one thread (its IDLE) and no more: a
 * few threads that send the keepalive NOOPs of all mailboxes, and a gate that lets only a few
 * logins run at once, so that thousands of mailboxes starting together do not overrun the server's
 * listen queue or its login processes.
 */
public final class WatcherPool {
    private static final Logger LOG = LoggerFactory.getLogger(WatcherPool.class);
    /** A NOOP to a dead connection holds its thread for up to two read timeouts; the others go on meanwhile. */
    static final int KEEPALIVE_THREADS = 4;
    static final int LOGINS_AT_ONCE = 24;

    private final ScheduledThreadPoolExecutor keepalives;
    private final Semaphore logins;

    private WatcherPool(int threads, int loginsAtOnce) {
        AtomicInteger n = new AtomicInteger();
        keepalives = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "keepalive-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        keepalives.setRemoveOnCancelPolicy(true);
        logins = new Semaphore(loginsAtOnce, true);
    }

    public static WatcherPool create() {
        return new WatcherPool(KEEPALIVE_THREADS, LOGINS_AT_ONCE);
    }

    /** A repeated job for one connection; cancel it when the connection goes. */
    public interface Repeating {
        void cancel();
    }

    /**
     * Runs {@code job} every {@code every}, the first time at a random point within the first
     * interval, so that mailboxes started together do not send their NOOPs together ever after.
     */
    Repeating every(Duration every, Runnable job) {
        long period = Math.max(1, every.toMillis());
        ScheduledFuture<?> f = keepalives.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("keepalive failed: {}", e.toString());
            }
        }, ThreadLocalRandom.current().nextLong(period / 2, period + 1), period, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** Something that logs in; may fail as a login does. */
    interface Login {
        IMAPStore run() throws MessagingException, AuthException;
    }

    /** Runs a login once one of the few places is free. */
    IMAPStore login(Login login) throws MessagingException, AuthException {
        try {
            logins.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to log in", e);
        }
        try {
            return login.run();
        } finally {
            logins.release();
        }
    }

    public void stop() {
        keepalives.shutdownNow();
    }
}
