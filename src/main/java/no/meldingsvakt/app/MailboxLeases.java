package no.meldingsvakt.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.mailbox.FolderStatus;
import no.meldingsvakt.mailbox.MailboxWatcher;
import no.meldingsvakt.mailbox.WatcherPool;
import no.meldingsvakt.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches exactly the mailboxes whose lease this instance holds. Every tick renews what it holds,
 * takes what is free, starts a watcher for each mailbox it gained and stops the watcher of each
 * it lost (the store unreachable past the lease, or a frozen instance woken to find another in
 * its place). On one SQLite store every lease is this instance's, so this starts them all once.
 */
final class MailboxLeases {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxLeases.class);

    private final List<OrganisationConfig> orgs;
    private final Leases leases;
    private final Function<OrganisationConfig, MailboxWatcher> watcher;
    private final Health health;
    private final Map<String, MailboxWatcher> watching = new LinkedHashMap<>();
    private final WatcherPool pool;

    MailboxLeases(List<OrganisationConfig> orgs, Leases leases, Function<OrganisationConfig, MailboxWatcher> watcher, Health health,
            WatcherPool pool) {
        this.pool = pool;
        this.orgs = orgs;
        this.leases = leases;
        this.watcher = watcher;
        this.health = health;
    }

    /** One round: renew, take, start, stop. Safe to call from one scheduler thread only. */
    synchronized void tick() {
        leases.heartbeat();
        leases.acquire(Leases.JOBS);
        for (OrganisationConfig org : orgs) {
            boolean mine = leases.acquire(org.id());
            MailboxWatcher w = watching.get(org.id());
            if (w != null && !w.running()) {
                // It stopped itself on finding the lease lost; whatever happens next starts from a fresh watcher.
                watching.remove(org.id());
                w.stop();
                w = null;
            }
            if (mine && w == null) {
                // Started all at once: the pool's login gate lets a few in at a time, so a server is not overrun.
                LOG.info("mailbox {}: this instance ({}) holds its lease and watches it", org.id(), leases.instance());
                health.watching(org.id());
                MailboxWatcher fresh = watcher.apply(org);
                watching.put(org.id(), fresh);
                fresh.start();
            } else if (!mine && w != null) {
                LOG.warn("mailbox {}: lease lost (another instance holds it, or the store is unreachable); no longer watched here", org.id());
                watching.remove(org.id());
                w.stop();
            }
        }
    }

    /** A folder's status asked on the watcher's connection, when this instance watches the mailbox (outside the lock: it waits on the network). */
    Optional<FolderStatus> status(String org, String folder) {
        MailboxWatcher w;
        synchronized (this) {
            w = watching.get(org);
        }
        return w == null ? Optional.empty() : w.status(folder);
    }

    /** Whether this instance watches the mailbox now. */
    boolean watches(String org) {
        return leases.holds(org);
    }

    synchronized int watched() {
        return watching.size();
    }

    /** Stops every watcher and gives the leases up, so a standby takes over at once instead of after the lease runs out. */
    synchronized void stop() {
        watching.values().forEach(MailboxWatcher::stop);
        watching.keySet().forEach(leases::release);
        watching.clear();
        leases.release(Leases.JOBS);
        pool.stop();
    }
}
