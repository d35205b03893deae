package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who does what when several instances share one store: one lease per organisation's mailbox and
 * one for the scheduled jobs. A lease is held for {@code ttl} by the database's clock and renewed
 * well before it runs out; each new holder raises its fence, and every intake checks holder and
 * fence in its own transaction ({@link Fence}), so an instance that froze past its lease cannot
 * record anything when it wakes.
 */
public final class Leases implements Fence {
    /** The lease of the scheduled jobs (follow-up, purge, Sent folders, alerts about unwatched mailboxes). */
    public static final String JOBS = "jobs";

    private final Database db;
    private final Instance me;
    private final Duration ttl;
    private final boolean alone;
    /** Leases this instance holds: the fence it got, and until when (System.nanoTime) it may act on it. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(long fence, long untilNanos) {}

    /** A lease as the store has it. */
    public record Holder(String name, String instance, long fence, long expiresAtMillis, boolean live) {}

    private Leases(Database db, Instance me, Duration ttl, boolean alone) {
        this.db = db;
        this.me = me;
        this.ttl = ttl;
        this.alone = alone;
    }

    /** Leases shared through the store with other instances. */
    public static Leases shared(Database db, Instance me, Duration ttl) {
        return new Leases(db, me, ttl, false);
    }

    /** For a store only one process can open (SQLite): this instance holds every lease. */
    public static Leases alone(Database db, Instance me) {
        return new Leases(db, me, Duration.ofDays(3650), true);
    }

    public Instance instance() {
        return me;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Takes the lease if it is free or ran out, or renews it if this instance holds it. Returns
     * whether this instance holds it now. A failure of the store counts as not holding it.
     */
    public boolean acquire(String name) {
        if (alone) {
            held.putIfAbsent(name, new Held(0, Long.MAX_VALUE));
            return true;
        }
        long started = System.nanoTime();
        try {
            Optional<Long> fence = db.transaction(c -> {
                String now = db.dialect().nowMillis();
                long t = ttl.toMillis();
                if (Sql.update(c, "UPDATE leases SET expires_at=" + now + " + ? WHERE name=? AND holder=? AND expires_at > " + now,
                        t, name, me.id()) == 0) {
                    Sql.update(c, "INSERT INTO leases(name, holder, fence, expires_at, acquired_at) VALUES (?, ?, 1, " + now + " + ?, " + now
                            + ") ON CONFLICT(name) DO UPDATE SET holder=excluded.holder, fence=leases.fence+1, expires_at=excluded.expires_at,"
                            + " acquired_at=excluded.acquired_at WHERE leases.expires_at <= " + now, name, me.id(), t);
                }
                return Sql.rows(c, "SELECT fence FROM leases WHERE name=? AND holder=? AND expires_at > " + now, name, me.id()).stream()
                        .findFirst().map(r -> Long.parseLong(r[0]));
            });
            if (fence.isEmpty()) {
                held.remove(name);
                return false;
            }
            // Counted from before the transaction, and a fifth short: never longer than the store's own view.
            held.put(name, new Held(fence.get(), started + ttl.toNanos() * 4 / 5));
            return true;
        } catch (StoreException e) {
            return holds(name);
        }
    }

    /** Whether this instance holds the lease and may act on it now, by its own last renewal. */
    public boolean holds(String name) {
        if (alone) {
            return true;
        }
        Held h = held.get(name);
        if (h == null) {
            return false;
        }
        if (System.nanoTime() - h.untilNanos() >= 0) {
            held.remove(name, h);
            return false;
        }
        return true;
    }

    /** Gives the lease up at once (a clean stop), so another instance need not wait for it to run out. */
    public void release(String name) {
        Held h = held.remove(name);
        if (h == null || alone) {
            return;
        }
        try {
            db.transaction(c -> Sql.update(c, "UPDATE leases SET expires_at=0 WHERE name=? AND holder=? AND fence=?", name, me.id(), h.fence()));
        } catch (StoreException e) {
            // It runs out by itself.
        }
    }

    @Override
    public void check(Connection c, String org) throws SQLException {
        if (alone) {
            return;
        }
        Held h = held.get(org);
        // FOR SHARE: a takeover waits until this transaction has committed, so nothing is recorded by two holders.
        if (h == null || !Sql.exists(c, "SELECT 1 FROM leases WHERE name=? AND holder=? AND fence=? AND expires_at > " + db.dialect().nowMillis()
                + (db.dialect() == Dialect.POSTGRESQL ? " FOR SHARE" : ""), org, me.id(), h.fence())) {
            held.remove(org);
            throw new LostException(org);
        }
    }

    /** Every lease in the store, with whether it is live by the database's clock. */
    public List<Holder> all() {
        return db.transaction(c -> Sql.rows(c, "SELECT name, holder, fence, expires_at, CASE WHEN expires_at > " + db.dialect().nowMillis()
                + " THEN 1 ELSE 0 END FROM leases ORDER BY name").stream()
                .map(r -> new Holder(r[0], r[1], Long.parseLong(r[2]), Long.parseLong(r[3]), r[4].equals("1"))).toList());
    }

    /** Says in the store that this instance is alive (for {@code status}). */
    public void heartbeat() {
        if (alone) {
            return;
        }
        db.relaxedTransaction(c -> Sql.update(c, "INSERT INTO instances(id, host, pid, started_at, seen_at) VALUES (?,?,?,?," + db.dialect().nowMillis()
                + ") ON CONFLICT(id) DO UPDATE SET seen_at=excluded.seen_at", me.id(), me.host(), me.pid(), me.startedAt().toString()));
    }

    /** Instances seen within {@code within}: id, host, and milliseconds since last seen. */
    public record Seen(String id, String host, long agoMillis) {}

    public List<Seen> instances(Duration within) {
        return db.transaction(c -> Sql.rows(c, "SELECT id, host, " + db.dialect().nowMillis() + " - seen_at FROM instances WHERE seen_at > "
                + db.dialect().nowMillis() + " - ? ORDER BY started_at", within.toMillis()).stream()
                .map(r -> new Seen(r[0], r[1], Long.parseLong(r[2]))).toList());
    }
}
