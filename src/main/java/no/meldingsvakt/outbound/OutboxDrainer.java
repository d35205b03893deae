package no.meldingsvakt.outbound;

import java.time.Clock;
import java.time.Duration;
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
    /** One instance alone claims big batches; several claim small ones, so a dead instance's claim holds back little. */
    private static final int BATCH_ALONE = 500;
    private static final int BATCH_SHARED = 50;
    /** How long a claim keeps other instances off a mail: longer than any SMTP transaction of one batch should take. */
    static final Duration CLAIM = Duration.ofSeconds(60);
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
    private final java.util.Set<String> preparing = ConcurrentHashMap.newKeySet();
    /** Apart from the workers: a connect to a server that hangs must not hold up other organisations' mail. */
    private final ExecutorService preparers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "smtp-prepare");
        t.setDaemon(true);
        return t;
    });
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

    private final String instance;
    private final boolean alone;

    public OutboxDrainer(Store store, SmtpSender sender, Health health, SentJournal journal, Clock clock, Backoff backoff, String instance) {
        this.store = store;
        this.instance = instance;
        this.alone = store.database().dialect().singleInstance();
        this.journal = journal;
        this.health = health;
        this.sender = sender;
        this.clock = clock;
        this.backoff = backoff;
    }

    public void start() {
        if (alone) {
            store.outbox().releaseAllClaims();
        }
        // Mail the previous run handed to SMTP but may not have recorded as sent: record it now.
        for (long id : journal.interrupted()) {
            store.outbox().markPossibleDuplicate(id);
        }
        List<Long> handedOver = journal.pending();
        store.outbox().markSent(handedOver);
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
        preparers.shutdownNow();
        sender.close();
    }

    /**
     * A watcher is reading a new message of {@code org}: its SMTP connection is opened on a worker
     * meanwhile (at most one such task per organisation at a time; none while its route waits after
     * a failure), so a first mail after a quiet spell does not wait for connect, STARTTLS and AUTH.
     */
    public void prepare(String org) {
        Instant paused = pausedUntil.get(route(org, OutgoingMail.VIA_ORG));
        if (!running || (paused != null && clock.instant().isBefore(paused)) || !preparing.add(org)) {
            return;
        }
        try {
            preparers.execute(() -> {
                try {
                    sender.prepare(org);
                } finally {
                    preparing.remove(org);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            preparing.remove(org);
        }
    }

    /** The key of a route: an organisation's own server or the fallback, paused and drained as one. */
    private static String route(String org, String via) {
        return org + "/" + via;
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

    /** An SMTP connection unused this long is closed; a burst keeps it busy, a quiet day does not hold the relay's sessions. */
    static final Duration SMTP_IDLE = Duration.ofSeconds(30);

    private void loop() {
        while (running) {
            int sent = 0;
            try {
                sent = drainOnce();
                sender.closeIdle(SMTP_IDLE);
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
        // A pass that failed after SMTP accepted a mail (the store away at that moment) left it in the journal: record it now, never resend.
        List<Long> accepted = journal.pending();
        if (!accepted.isEmpty()) {
            store.outbox().markSent(accepted);
            journal.clear();
        }
        Map<String, List<OutboxItem>> byRoute = new LinkedHashMap<>();
        for (OutboxItem item : store.outbox().claimDue(instance, alone ? BATCH_ALONE : BATCH_SHARED, CLAIM)) {
            byRoute.computeIfAbsent(route(item.org(), item.via()), k -> new ArrayList<>()).add(item);
        }
        // Staff first: the copies are what someone must act on; the partner's receipt can follow a moment later.
        byRoute.values().forEach(items -> items.sort(java.util.Comparator.comparing(i -> i.kind().equals(OutgoingMail.RECEIPT))));
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
        List<Long> left = new ArrayList<>(items.stream().map(OutboxItem::id).toList());
        // Marked in one store transaction when the route is done: each accepted mail is in the journal meanwhile.
        List<Long> sent = new ArrayList<>();
        try {
            for (List<OutboxItem> group : groups(items)) {
                // Once handed to SMTP a mail keeps its claim whatever happens next: released, it could be sent again unflagged.
                group.forEach(i -> left.remove(i.id()));
                int outcome = send(group, sent);
                if (outcome == NOT_TRIED) {
                    left.addAll(0, group.stream().map(OutboxItem::id).toList());
                    break;
                }
                if (outcome == RETRY) {
                    break;
                }
            }
        } finally {
            store.outbox().release(instance, left);
            store.outbox().markSent(sent);
        }
        return sent.size();
    }

    /** Most recipients of one transaction: RFC 5321 obliges servers to take 100. */
    static final int MAX_RECIPIENTS = 50;

    /**
     * Mails of this batch with the same stored body (one notice's copies to several staff) go in one
     * SMTP transaction, placed where the first of them was.
     */
    static List<List<OutboxItem>> groups(List<OutboxItem> items) {
        Map<String, List<OutboxItem>> shared = new LinkedHashMap<>();
        List<List<OutboxItem>> out = new ArrayList<>();
        for (OutboxItem item : items) {
            if (item.bodyKey().isEmpty()) {
                out.add(List.of(item));
                continue;
            }
            String key = item.bodyKey() + "\n" + item.envelopeFrom();
            List<OutboxItem> group = shared.get(key);
            if (group == null || group.size() >= MAX_RECIPIENTS) {
                group = new ArrayList<>();
                shared.put(key, group);
                out.add(group);
            }
            group.add(item);
        }
        return out;
    }

    private static final int NOT_TRIED = -1;
    private static final int RETRY = -2;

    /**
     * Sends one mail to its recipients (one row each): how many rows were delivered, {@link #RETRY}
     * when it failed and its route now waits, {@link #NOT_TRIED} when the route was already waiting
     * (or the drainer stops).
     */
    private int send(List<OutboxItem> group, List<Long> sent) {
        if (!running && thread != null) {
            return NOT_TRIED;
        }
        OutboxItem first = group.get(0);
        String route = route(first.org(), first.via());
        Instant paused = pausedUntil.get(route);
        if (paused != null && clock.instant().isBefore(paused)) {
            return NOT_TRIED;
        }
        List<Long> ids = group.stream().map(OutboxItem::id).toList();
        List<String> to = group.stream().flatMap(i -> i.recipients().stream()).toList();
        ids.forEach(journal::attempt);
        List<OutboxItem> delivered = group;
        try {
            sender.send(first.org(), first.via(), first.envelopeFrom(), to, first.raw());
        } catch (SmtpSender.PartialDelivery e) {
            delivered = settlePartly(group, e);
        } catch (SmtpSender.PermanentFailure e) {
            LOG.warn("outbox {} ({} to {}) refused permanently: {}", ids, first.kind(), to, e.getMessage());
            ids.forEach(id -> store.outbox().markFailed(id, e.getMessage()));
            return 0;
        } catch (Exception e) {
            int n = failures.merge(route, 1, Integer::sum);
            Instant next = clock.instant().plus(backoff.after(n));
            pausedUntil.put(route, next);
            if (first.via().equals(OutgoingMail.VIA_ORG)) {
                health.smtpFailed(first.org(), e.getMessage() == null ? e.toString() : e.getMessage(),
                        e instanceof jakarta.mail.AuthenticationFailedException);
            }
            LOG.warn("SMTP for {} failed ({} in a row); retrying in {} s: {}", route, n, backoff.after(n).toSeconds(), e.toString());
            ids.forEach(id -> store.outbox().markRetry(id, next, e.toString()));
            return RETRY;
        }
        // Accepted by the server: journal first (microseconds, survives a kill), then the store (by the caller).
        // A store failure propagates, so the journal is kept and replayed on the next start.
        List<Long> accepted = delivered.stream().map(OutboxItem::id).toList();
        accepted.forEach(journal::record);
        sent.addAll(accepted);
        if (first.via().equals(OutgoingMail.VIA_ORG)) {
            health.smtpSucceeded(first.org());
        }
        failures.remove(route);
        pausedUntil.remove(route);
        return accepted.size();
    }

    /**
     * The server took the mail for some of its recipients: the refused rows fail, the deferred ones
     * wait for their own next attempt (the route goes on: the server works); returns the delivered.
     */
    private List<OutboxItem> settlePartly(List<OutboxItem> group, SmtpSender.PartialDelivery e) {
        List<OutboxItem> delivered = new ArrayList<>();
        for (OutboxItem item : group) {
            List<String> to = item.recipients().stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList();
            if (e.refused().containsAll(to)) {
                LOG.warn("outbox {} ({} to {}) refused permanently: {}", item.id(), item.kind(), to, e.getMessage());
                store.outbox().markFailed(item.id(), e.getMessage());
            } else if (to.stream().allMatch(r -> e.refused().contains(r) || e.deferred().contains(r))) {
                Instant next = clock.instant().plus(backoff.after(item.attempts() + 1));
                LOG.warn("outbox {} ({} to {}) deferred by the server; retrying at {}: {}", item.id(), item.kind(), to, next, e.getMessage());
                store.outbox().markRetry(item.id(), next, e.getMessage());
            } else {
                // Someone on this row has it: sending the row again would give them a second one.
                if (to.stream().anyMatch(r -> e.refused().contains(r) || e.deferred().contains(r))) {
                    LOG.warn("outbox {} ({}) reached only some of {}: {}", item.id(), item.kind(), to, e.getMessage());
                }
                delivered.add(item);
            }
        }
        return delivered;
    }
}
