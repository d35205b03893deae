package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checked inside every transaction that records what a mailbox delivered: only the instance that
 * holds the organisation's lease may record it. A paused instance that lost its lease fails here
 * instead of writing; its uncommitted work rolls back and the holder processes the message.
 */
@FunctionalInterface
public interface Fence {
    void check(Connection c, String org) throws SQLException;

    /** One instance per store (SQLite, which the store lock already keeps to one process). */
    Fence NONE = (c, org) -> {};

    /** This instance does not (or no longer) hold the organisation's lease. */
    final class LostException extends StoreException {
        public LostException(String org) {
            super("this instance no longer holds the lease of " + org + ": another instance watches it", null);
        }
    }
}
