package no.meldingsvakt.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.store.OutboxItem;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the outbox holds, oldest first. A transient failure pauses that organisation's
 * mail with capped exponential backoff (other organisations keep flowing); a permanent refusal
 * marks the mail failed and leaves it in the audit trail. Nothing is ever dropped silently.
 */
public final class OutboxDrainer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);
    private static final int BATCH = 100;

    private final Store store;
    private final SmtpSender sender;
    private final Health health;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public OutboxDrainer(Store store, SmtpSender sender, Health health, Clock clock, Backoff backoff) {
        this.store = store;
        this.health = health;
        this.sender = sender;
        this.clock = clock;
        this.backoff = backoff;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sender.close();
    }

    /** Called after a commit queued mail, so it leaves at once instead of at the next tick. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            int sent = 0;
            try {
                sent = drainOnce();
            } catch (RuntimeException e) {
                LOG.error("outbox pass failed; retrying in a second", e);
            }
            if (sent == 0) {
                await();
            }
        }
    }

    private void await() {
        lock.lock();
        try {
            if (!woken && running) {
                work.await(1, TimeUnit.SECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** One pass over what is due; returns how many mails were delivered. Public for tests. */
    public int drainOnce() {
        List<OutboxItem> due = store.dueOutbox(BATCH);
        int delivered = 0;
        for (OutboxItem item : due) {
            if (!running && thread != null) {
                break;
            }
            String route = item.org() + "/" + item.via();
            Instant paused = pausedUntil.get(route);
            if (paused != null && clock.instant().isBefore(paused)) {
                continue;
            }
            try {
                sender.send(item.org(), item.via(), item.envelopeFrom(), item.recipients(), item.raw());
                store.markSent(item.id());
                if (item.via().equals(OutgoingMail.VIA_ORG)) {
                    health.smtpSucceeded(item.org());
                }
                failures.remove(route);
                pausedUntil.remove(route);
                delivered++;
            } catch (SmtpSender.PermanentFailure e) {
                LOG.warn("outbox {} ({} to {}) refused permanently: {}", item.id(), item.kind(), item.recipients(), e.getMessage());
                store.markFailed(item.id(), e.getMessage());
            } catch (Exception e) {
                int n = failures.merge(route, 1, Integer::sum);
                Instant next = clock.instant().plus(backoff.after(n));
                pausedUntil.put(route, next);
                if (item.via().equals(OutgoingMail.VIA_ORG)) {
                    health.smtpFailed(item.org(), e.getMessage() == null ? e.toString() : e.getMessage(),
                            e instanceof jakarta.mail.AuthenticationFailedException);
                }
                LOG.warn("SMTP for {} failed ({} in a row), next try at {}: {}", route, n, next, e.toString());
                store.markRetry(item.id(), next, e.toString());
            }
        }
        return delivered;
    }
}
