package no.meldingsvakt.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static final int BATCH = 500;
    /** Organisations are independent: their mail leaves in parallel, each organisation's in order. */
    private static final int WORKERS = 8;

    private final Store store;
    private final SmtpSender sender;
    private final Health health;
    private final SentJournal journal;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "outbox-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean woken;
    private Thread thread;

    public OutboxDrainer(Store store, SmtpSender sender, Health health, SentJournal journal, Clock clock, Backoff backoff) {
        this.store = store;
        this.journal = journal;
        this.health = health;
        this.sender = sender;
        this.clock = clock;
        this.backoff = backoff;
    }

    public void start() {
        // Mail the previous run handed to SMTP but may not have recorded as sent: record it now.
        for (long id : journal.interrupted()) {
            store.markPossibleDuplicate(id);
        }
        List<Long> handedOver = journal.pending();
        handedOver.forEach(store::markSent);
        if (!handedOver.isEmpty()) {
            LOG.info("marked {} mail(s) sent that the previous run delivered just before it stopped", handedOver.size());
        }
        journal.clear();
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
        workers.shutdownNow();
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
        Map<String, List<OutboxItem>> byRoute = new LinkedHashMap<>();
        for (OutboxItem item : store.dueOutbox(BATCH)) {
            byRoute.computeIfAbsent(item.org() + "/" + item.via(), k -> new ArrayList<>()).add(item);
        }
        if (byRoute.size() <= 1) {
            int delivered = byRoute.values().stream().mapToInt(this::drainRoute).sum();
            journal.clear();
            return delivered;
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (List<OutboxItem> items : byRoute.values()) {
            running.add(workers.submit(() -> drainRoute(items)));
        }
        int delivered = 0;
        boolean allRecorded = true;
        for (Future<Integer> f : running) {
            try {
                delivered += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            } catch (ExecutionException e) {
                allRecorded = false;
                LOG.error("outbox worker failed", e.getCause());
            }
        }
        if (allRecorded) {
            journal.clear();
        }
        return delivered;
    }

    /** Sends one organisation's (or the fallback's) due mail in order; stops at the first transient failure. */
    private int drainRoute(List<OutboxItem> items) {
        int delivered = 0;
        for (OutboxItem item : items) {
            if (!running && thread != null) {
                break;
            }
            String route = item.org() + "/" + item.via();
            Instant paused = pausedUntil.get(route);
            if (paused != null && clock.instant().isBefore(paused)) {
                break;
            }
            journal.attempt(item.id());
            try {
                sender.send(item.org(), item.via(), item.envelopeFrom(), item.recipients(), item.raw());
            } catch (SmtpSender.PermanentFailure e) {
                LOG.warn("outbox {} ({} to {}) refused permanently: {}", item.id(), item.kind(), item.recipients(), e.getMessage());
                store.markFailed(item.id(), e.getMessage());
                continue;
            } catch (Exception e) {
                int n = failures.merge(route, 1, Integer::sum);
                Instant next = clock.instant().plus(backoff.after(n));
                pausedUntil.put(route, next);
                if (item.via().equals(OutgoingMail.VIA_ORG)) {
                    health.smtpFailed(item.org(), e.getMessage() == null ? e.toString() : e.getMessage(),
                            e instanceof jakarta.mail.AuthenticationFailedException);
                }
                LOG.warn("SMTP for {} failed ({} in a row); retrying in {} s: {}", route, n, backoff.after(n).toSeconds(), e.toString());
                store.markRetry(item.id(), next, e.toString());
                break;
            }
            // Accepted by the server: journal first (microseconds, survives a kill), then the store.
            // A store failure propagates, so the journal is kept and replayed on the next start.
            journal.record(item.id());
            store.markSent(item.id());
            if (item.via().equals(OutgoingMail.VIA_ORG)) {
                health.smtpSucceeded(item.org());
            }
            failures.remove(route);
            pausedUntil.remove(route);
            delivered++;
        }
        return delivered;
    }
}
