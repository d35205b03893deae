package no.meldingsvakt.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.meldingsvakt.config.PostgresConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A PostgreSQL store shared by several instances, through a small connection pool. Each
 * transaction has a connection of its own; a serialisation failure or deadlock is retried. A
 * frozen instance cannot hold rows locked for long: its sessions are ended by the server after
 * ten idle seconds inside a transaction.
 */
public final class PostgresDatabase implements Database {
    private static final int RETRIES = 3;
    private final HikariDataSource pool;
    private final String url;
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

    private PostgresDatabase(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens the store and brings its schema up to date (Flyway locks the schema: two instances may start at once). */
    public static PostgresDatabase open(PostgresConfig config, String instance) {
        PostgresDatabase db = connect(config, instance, false);
        try {
            Flyway flyway = Flyway.configure().dataSource(db.pool).locations(Dialect.POSTGRESQL.migrations()).load();
            SqliteDatabase.refuseNewerSchema(config.url(), flyway);
            flyway.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens the store to look only: no migration, read-only sessions. */
    public static PostgresDatabase openReadOnly(PostgresConfig config, String instance) {
        return connect(config, instance, true);
    }

    private static PostgresDatabase connect(PostgresConfig config, String instance, boolean readOnly) {
        HikariConfig h = new HikariConfig();
        h.setJdbcUrl(config.url());
        h.setUsername(config.user());
        h.setPassword(config.password().reveal());
        h.setMaximumPoolSize(config.pool());
        h.setMinimumIdle(1);
        h.setPoolName("store");
        h.setReadOnly(readOnly);
        h.setAutoCommit(false);
        // Fail fast when the server is away: the message stays on the IMAP server for the next pass.
        h.setConnectionTimeout(5_000);
        h.setValidationTimeout(2_000);
        h.setInitializationFailTimeout(10_000);
        h.addDataSourceProperty("ApplicationName", "meldingsvakt " + instance);
        h.addDataSourceProperty("socketTimeout", "30");
        h.addDataSourceProperty("tcpKeepAlive", "true");
        h.setConnectionInitSql("SET idle_in_transaction_session_timeout = '10s'; SET lock_timeout = '5s'; SET statement_timeout = '30s'");
        try {
            return new PostgresDatabase(new HikariDataSource(h), config.url());
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store " + config.url() + " as " + config.user(),
                    e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e));
        }
    }

    @Override
    public <T> T transaction(SqlWork<T> work) {
        return run(work, true);
    }

    @Override
    public <T> T relaxedTransaction(SqlWork<T> work) {
        return run(work, false);
    }

    private <T> T run(SqlWork<T> work, boolean durable) {
        if (inside.get()) {
            throw new IllegalStateException("nested transaction: pass the Connection down instead");
        }
        inside.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = pool.getConnection()) {
                    try {
                        if (!durable) {
                            try (Statement s = c.createStatement()) {
                                s.execute("SET LOCAL synchronous_commit = off");
                            }
                        }
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        rollbackQuietly(c, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    if (attempt < RETRIES && retryable(e)) {
                        continue;
                    }
                    throw new StoreException("store " + url, e);
                }
            }
        } finally {
            inside.set(false);
        }
    }

    /** Serialisation failure, deadlock: the work is safe to run again from the start. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public List<String> appliedMigrations() {
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations(Dialect.POSTGRESQL.migrations()).load();
            List<String> out = new ArrayList<>();
            Arrays.stream(flyway.info().applied()).filter(m -> m.getVersion() != null && m.getState().isApplied())
                    .map(MigrationInfo.class::cast).forEach(m -> out.add("V" + m.getVersion() + " " + m.getDescription()));
            return out;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public void checkpoint() {
        // PostgreSQL's own vacuum and WAL recycling do what SQLite's checkpoint does by hand.
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        pool.close();
    }
}
