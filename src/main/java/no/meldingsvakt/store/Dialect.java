package no.meldingsvakt.store;

/** What differs between the two engines, kept to the few places the SQL cannot be written alike. */
public enum Dialect {
    /** One file, one process (the store lock): the embedded default. */
    SQLITE("classpath:db/sqlite", "", "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"),
    /** Any number of instances sharing one server: rows are claimed, mailboxes leased. */
    POSTGRESQL("classpath:db/postgresql", " FOR UPDATE SKIP LOCKED", "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)");

    private final String own;
    private final String skipLocked;
    private final String nowMillis;

    Dialect(String own, String skipLocked, String nowMillis) {
        this.own = own;
        this.skipLocked = skipLocked;
        this.nowMillis = nowMillis;
    }

    /**
     * The database's own clock in epoch milliseconds, as SQL. Leases are timed by it, so instances
     * whose clocks disagree still agree on who holds what.
     */
    public String nowMillis() {
        return nowMillis;
    }

    /** Flyway locations: the migrations both engines share, then this engine's own. */
    public String[] migrations() {
        return new String[] {"classpath:db/common", own};
    }

    /** Appended to a SELECT that claims rows, so two instances never claim the same one. */
    public String skipLocked() {
        return skipLocked;
    }

    /** Whether only one instance can use the store at a time. */
    public boolean singleInstance() {
        return this == SQLITE;
    }
}
