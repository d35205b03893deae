package no.meldingsvakt.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.config.PostgresConfig;

/**
 * Transactions over one of the two engines. Work passed to {@link #transaction} runs on a
 * connection of its own (or its own savepoint) and is committed before the call returns.
 */
public interface Database extends AutoCloseable {

    /** Runs {@code work} in a transaction and returns once it is durably committed. */
    <T> T transaction(SqlWork<T> work);

    /**
     * Like {@link #transaction}, but the commit need not wait for the disk: it survives a killed
     * process, not a power cut. For bookkeeping whose loss means at worst doing something once more.
     */
    <T> T relaxedTransaction(SqlWork<T> work);

    /**
     * Runs work that only reads: it sees everything committed before it began. On SQLite it runs
     * on a reader connection of its own (WAL lets readers run beside the writer), so a lookup never
     * waits for another thread's commit and fsync; elsewhere it is a transaction like any other.
     */
    default <T> T read(SqlWork<T> work) {
        return transaction(work);
    }

    /** The migrations applied to this store, oldest first ("V1 initial schema", …). */
    List<String> appliedMigrations();

    /** Lets deleted content leave the engine's logs (SQLite's WAL); nothing to do where the engine does it. */
    void checkpoint();

    Dialect dialect();

    @Override
    void close();

    /** Opens the configured store for the service, migrating its schema: PostgreSQL when a url is given, else the SQLite file. */
    static Database forService(Path file, Optional<PostgresConfig> postgres, String instance) {
        return postgres.<Database>map(p -> PostgresDatabase.open(p, instance)).orElseGet(() -> SqliteDatabase.open(file));
    }

    /** Opens the configured store to look only, while the service may run: never created, never migrated. */
    static Database forReading(Path file, Optional<PostgresConfig> postgres) {
        return postgres.<Database>map(p -> PostgresDatabase.openReadOnly(p, "reader")).orElseGet(() -> SqliteDatabase.openReadOnly(file));
    }

    /** Opens the configured store to change it from the command line; a SQLite file must exist already. */
    static Database forChanging(Path file, Optional<PostgresConfig> postgres) {
        return postgres.<Database>map(p -> PostgresDatabase.open(p, "cli")).orElseGet(() -> SqliteDatabase.openExisting(file));
    }

    /** Opens (creating and migrating) the SQLite store in this file. */
    static Database open(Path file) {
        return SqliteDatabase.open(file);
    }

    /** Opens an existing SQLite store read-only: no migration, never created. */
    static Database openReadOnly(Path file) {
        return SqliteDatabase.openReadOnly(file);
    }

    /** Opens an existing SQLite store to change it; never creates one. */
    static Database openExisting(Path file) {
        return SqliteDatabase.openExisting(file);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
