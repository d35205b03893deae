package no.meldingsvakt.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which engine the tests run the store on. With {@code -Dmeldingsvakt.test.store=postgresql} (the
 * Maven profile {@code postgresql}, which CI turns on), every harness gets a fresh PostgreSQL
 * database of its own on the server named by {@code MELDINGSVAKT_TEST_PG_URL}; the same store path
 * maps to the same database, so a restart finds what the service left.
 */
public final class TestStore {
    public static final String PASSWORD_ENV = "MV_TEST_PG_PASSWORD";
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();
    private static final Pattern BLOCK = Pattern.compile("store:\\s*\\{\\s*path:\\s*([^,}\\s]+)\\s*}|store:\\n(\\s+)path:\\s*(\\S+)");

    private TestStore() {}

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("meldingsvakt.test.store"));
    }

    /** The server's admin URL, when one was started for the tests. */
    public static Optional<String> server() {
        return Optional.ofNullable(System.getenv("MELDINGSVAKT_TEST_PG_URL")).filter(s -> !s.isBlank());
    }

    public static String user() {
        return System.getenv().getOrDefault("MELDINGSVAKT_TEST_PG_USER", "meldingsvakt");
    }

    public static String password() {
        return System.getenv().getOrDefault("MELDINGSVAKT_TEST_PG_PASSWORD", "meldingsvakt");
    }

    /** A new, empty database on the test server; its JDBC URL. */
    public static String freshDatabase() {
        String admin = server().orElseThrow(() -> new IllegalStateException("MELDINGSVAKT_TEST_PG_URL is not set: run .ci/postgres-start.sh"));
        String name = "mv_" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xffff));
        try (Connection c = DriverManager.getConnection(admin, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin + ": " + e.getMessage(), e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    /** A store for a test that opens one directly: a fresh PostgreSQL database in the PostgreSQL pass, else the SQLite file. */
    public static no.meldingsvakt.store.Database open(Path sqliteFile) {
        if (!postgres()) {
            return no.meldingsvakt.store.Database.open(sqliteFile);
        }
        return no.meldingsvakt.store.PostgresDatabase.open(new no.meldingsvakt.config.PostgresConfig(freshDatabase(), user(),
                no.meldingsvakt.config.Secret.of("test", password()), 4, sqliteFile.resolveSibling("sent.journal")), "test");
    }

    /** The YAML's SQLite store block turned into a PostgreSQL one, when the tests run on PostgreSQL. */
    public static String adapt(String yaml) {
        if (!postgres()) {
            return yaml;
        }
        Matcher m = BLOCK.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path path = Path.of(m.group(1) != null ? m.group(1) : m.group(3));
            String url = DATABASES.computeIfAbsent(path.toAbsolutePath(), p -> freshDatabase());
            String block = m.group(1) != null
                    ? "store: {url: \"" + url + "\", user: " + user() + ", password_env: " + PASSWORD_ENV + "}"
                    : "store:\n" + m.group(2) + "url: \"" + url + "\"\n" + m.group(2) + "user: " + user() + "\n" + m.group(2) + "password_env: "
                            + PASSWORD_ENV;
            m.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        m.appendTail(out);
        return out.toString();
    }
}
