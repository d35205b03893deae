package no.meldingsvakt.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite database in WAL mode behind one connection. SQLite allows a single writer anyway;
 * serialising through a lock keeps transactions short and free of SQLITE_BUSY surprises.
 */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Connection connection) {
        this.connection = connection;
    }

    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            c.setAutoCommit(false);
            return new Database(c);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file, e);
        }
    }

    /** Runs {@code work} in one transaction; commits on success, rolls back on any exception. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e instanceof RuntimeException r ? r : new StoreException("transaction failed", (SQLException) e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #transaction}, but the commit waits only for the write to the WAL, not for the
     * disk: it survives a killed process, not a power cut. For bookkeeping whose loss means at worst
     * doing something once more (marking a mail sent), never for what precedes an IMAP move.
     */
    public <T> T relaxedTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            setSynchronous("NORMAL");
            try {
                return transaction(work);
            } finally {
                setSynchronous("FULL");
            }
        } finally {
            lock.unlock();
        }
    }

    private void setSynchronous(String mode) {
        // SQLite refuses this pragma inside a transaction, and without autocommit the driver keeps one open.
        try {
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous=" + mode);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot set synchronous=" + mode, e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("close failed", e);
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
