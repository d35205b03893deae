package no.meldingsvakt.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite database in WAL mode behind one connection. SQLite allows a single writer anyway;
 * serialising through one connection keeps transactions free of SQLITE_BUSY surprises, and group
 * commit lets many watchers share each fsync.
 */
public final class SqliteDatabase implements Database {
    /** Readers beside the writer: lookups of several watchers at once, none waiting for a commit. */
    private static final int READERS = 4;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Pending<?>> queue = new ArrayList<>();
    private String synchronous = "FULL";
    /** Null for a store opened read-only: its one connection does the reading. */
    private final String readerUrl;
    private final java.util.concurrent.BlockingQueue<Connection> readers = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger readersOpened = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    private SqliteDatabase(Connection connection, String readerUrl) {
        this.connection = connection;
        this.readerUrl = readerUrl;
    }

    /** Opens the store for the service, creating it (0600) and bringing its schema up to date. */
    static SqliteDatabase open(Path file) {
        try {
            PrivateFiles.createParent(file);
            PrivateFiles.create(file);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        Flyway flyway = Flyway.configure().dataSource(ds).locations(Dialect.SQLITE.migrations()).load();
        refuseNewerSchema(file.toAbsolutePath().toString(), flyway);
        flyway.migrate();
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
                // Deleted content (a delivered mail, a purged case) is overwritten, not left in free pages.
                s.execute("PRAGMA secure_delete=ON");
            }
            c.setAutoCommit(false);
            return new SqliteDatabase(c, url);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file, e);
        }
    }

    /**
     * A store written by a newer release has migrations this one does not know: running on it
     * could undo what they did. Refuse, and say what to do.
     */
    static void refuseNewerSchema(String file, Flyway flyway) {
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        String known = java.util.Arrays.stream(info.all()).filter(m -> m.getVersion() != null && m.getPhysicalLocation() != null
                        && !m.getPhysicalLocation().isEmpty()).map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("0");
        for (org.flywaydb.core.api.MigrationInfo m : info.applied()) {
            if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS) {
                throw new StoreException("the store " + file + " has schema V" + m.getVersion() + " (" + m.getDescription()
                        + "), newer than this release knows (V" + known + "): it was written by a newer Meldingsvakt. Run that release,"
                        + " or restore the backup taken before the upgrade (README: Upgrades)", null);
            }
        }
    }

    /** Writes a consistent copy of the database into {@code target} (an empty or missing file). */
    void vacuumInto(Path target) throws SQLException {
        lock.lock();
        try {
            connection.commit();
            connection.setAutoCommit(true);
            try (java.sql.PreparedStatement s = connection.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, target.toAbsolutePath().toString());
                s.execute();
            } finally {
                connection.setAutoCommit(false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The migrations applied to this store, oldest first ("V1 initial schema", …). */
    @Override
    public java.util.List<String> appliedMigrations() {
        lock.lock();
        try (Statement s = connection.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT version, description FROM flyway_schema_history WHERE success=1 AND version IS NOT NULL"
                        + " ORDER BY installed_rank")) {
            java.util.List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add("V" + r.getString(1) + " " + r.getString(2));
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            return java.util.List.of();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens an existing store read-only, as it is: no migration, never created. For the commands
     * that only look ({@code status}, {@code cases list}) while the service runs.
     */
    static SqliteDatabase openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no store at " + file.toAbsolutePath() + " (has the service run with this config?)", null);
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            c.setAutoCommit(false);
            return new SqliteDatabase(c, null);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + " read-only", e);
        }
    }

    /** Opens an existing store to change it from the command line; never creates one. */
    static SqliteDatabase openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("no store at " + file.toAbsolutePath() + " (has the service run with this config?)", null);
        }
        return open(file);
    }

    /**
     * Runs {@code work} in a transaction of its own and returns once it is committed to disk.
     * Callers on other threads that arrive meanwhile share one commit (group commit): whoever holds
     * the connection runs every queued piece of work, each under its own savepoint so that one
     * failure rolls back only its own changes, and commits them all with a single fsync.
     */
    @Override
    public <T> T transaction(SqlWork<T> work) {
        return submit(work, true);
    }

    /**
     * Like {@link #transaction}, but the commit waits only for the write to the WAL, not for the
     * disk: it survives a killed process, not a power cut. For bookkeeping whose loss means at worst
     * doing something once more (marking a mail sent), never for what precedes an IMAP move.
     */
    @Override
    public <T> T relaxedTransaction(SqlWork<T> work) {
        return submit(work, false);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        if (readerUrl == null) {
            return transaction(work);
        }
        Connection c = reader();
        boolean healthy = false;
        try {
            T out = work.run(c);
            // Ends the read transaction: a reader that kept its snapshot would hold the WAL from being checkpointed.
            c.commit();
            healthy = true;
            return out;
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        } finally {
            if (healthy && !closed) {
                readers.offer(c);
            } else {
                readersOpened.decrementAndGet();
                closeQuietly(c);
            }
        }
    }

    private Connection reader() {
        while (true) {
            Connection c = readers.poll();
            if (c != null) {
                return c;
            }
            Connection fresh = openReader();
            if (fresh != null) {
                return fresh;
            }
            try {
                // All readers busy: wait for one, looking again now and then in case a broken one was dropped meanwhile.
                c = readers.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for a reader", null);
            }
            if (c != null) {
                return c;
            }
        }
    }

    /** A new reader while fewer than {@link #READERS} are open, else null. */
    private Connection openReader() {
        if (readersOpened.incrementAndGet() <= READERS) {
            try {
                org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(10_000);
                Connection fresh = DriverManager.getConnection(readerUrl, config.toProperties());
                fresh.setAutoCommit(false);
                return fresh;
            } catch (SQLException e) {
                readersOpened.decrementAndGet();
                throw new StoreException("cannot open a reader", e);
            }
        }
        readersOpened.decrementAndGet();
        return null;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing a broken reader; a new one is opened when needed.
        }
    }

    private <T> T submit(SqlWork<T> work, boolean durable) {
        if (lock.isHeldByCurrentThread()) {
            // Running it here would commit the enclosing work half-done.
            throw new IllegalStateException("nested transaction: pass the Connection down instead");
        }
        Pending<T> mine = new Pending<>(work, durable);
        synchronized (queue) {
            queue.add(mine);
        }
        lock.lock();
        try {
            if (!mine.done) {
                runQueued();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    private void runQueued() {
        List<Pending<?>> batch;
        synchronized (queue) {
            batch = new ArrayList<>(queue);
            queue.clear();
        }
        boolean durable = batch.stream().anyMatch(b -> b.durable);
        try {
            setSynchronous(durable ? "FULL" : "NORMAL");
            for (Pending<?> b : batch) {
                b.run(connection);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            RuntimeException failure = e instanceof RuntimeException r ? r : new StoreException("commit failed", (SQLException) e);
            batch.forEach(b -> b.fail(failure));
        }
        batch.forEach(b -> b.done = true);
    }

    /** One caller's work in a group commit. */
    private static final class Pending<T> {
        private final SqlWork<T> work;
        private final boolean durable;
        private volatile boolean done;
        private T result;
        private RuntimeException error;

        Pending(SqlWork<T> work, boolean durable) {
            this.work = work;
            this.durable = durable;
        }

        void run(Connection c) throws SQLException {
            Savepoint sp = c.setSavepoint();
            try {
                result = work.run(c);
                c.releaseSavepoint(sp);
            } catch (SQLException | RuntimeException e) {
                c.rollback(sp);
                error = e instanceof RuntimeException r ? r : new StoreException("transaction failed", (SQLException) e);
            }
        }

        void fail(RuntimeException e) {
            if (error == null) {
                error = e;
            }
            result = null;
        }

        T outcome() {
            if (error != null) {
                throw error;
            }
            return result;
        }
    }

    private void setSynchronous(String mode) throws SQLException {
        if (mode.equals(synchronous)) {
            return;
        }
        // SQLite refuses this pragma inside a transaction, and without autocommit the driver keeps one open.
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=" + mode);
        } finally {
            connection.setAutoCommit(false);
        }
        synchronous = mode;
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Copies the WAL into the database file and truncates it: content deleted from the store leaves the WAL too. */
    @Override
    public void checkpoint() {
        lock.lock();
        try {
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("WAL checkpoint failed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection r;
        while ((r = readers.poll()) != null) {
            closeQuietly(r);
        }
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("close failed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }
}
