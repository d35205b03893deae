package no.meldingsvakt.store;

import java.time.Clock;
import java.time.Instant;

/**
 * What the store forgets and when: message records, cases (with their thread ids), sent or
 * failed outbox rows and the audit older than the retention, and the WAL, whose old frames still
 * hold content that was deleted from the database.
 */
public final class Retention {
    private final Database db;
    private final Clock clock;

    public Retention(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** How many rows of each kind a purge removed. */
    public record Purged(int messages, int cases, int outbox, int audit) {
        public int total() {
            return messages + cases + outbox + audit;
        }

        @Override
        public String toString() {
            return messages + " message record(s), " + cases + " case(s), " + outbox + " outbox row(s), " + audit + " audit entr(y/ies)";
        }
    }

    /** Removes everything older than {@code cutoff}; open alerts and mail still waiting to be sent are kept whatever their age. */
    public Purged purgeBefore(Instant cutoff) {
        String at = cutoff.toString();
        Purged p = db.transaction(c -> {
            int messages = Sql.update(c, "DELETE FROM messages WHERE received_at < ?", at);
            Sql.update(c, "DELETE FROM case_threads WHERE case_ref IN (SELECT ref FROM cases WHERE updated_at < ?)", at);
            int cases = Sql.update(c, "DELETE FROM cases WHERE updated_at < ?", at);
            int outbox = Sql.update(c, "DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?", at);
            // Settling a row drops its shared body already; this catches one left behind by a row settled some other way.
            Sql.update(c, "DELETE FROM outbox_bodies WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.body_key=outbox_bodies.body_key"
                    + " AND o.status='pending')");
            int audit = Sql.update(c, "DELETE FROM audit WHERE at < ?", at);
            return new Purged(messages, cases, outbox, audit);
        });
        checkpoint();
        return p;
    }

    /** Copies the WAL into the database and empties it, so deleted content does not linger there. */
    public void checkpoint() {
        db.checkpoint();
    }

    /** Purges what is older than {@code retention} before now. */
    public Purged purgeOlderThan(java.time.Duration retention) {
        return purgeBefore(clock.instant().minus(retention));
    }

}
