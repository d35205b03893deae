package no.meldingsvakt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A consistent copy of a running store in one file: SQLite's {@code VACUUM INTO} reads one
 * snapshot (the service goes on writing meanwhile), then the outbox ids that the sent journal
 * says were delivered are marked sent in the copy, so nothing that travels beside the store is
 * needed to restore it. The copy is checked ({@code PRAGMA integrity_check}) before it is called
 * a backup.
 */
public final class Backup {
    private Backup() {}

    /** What was copied, for the command's report. */
    public record Result(Path file, long bytes, int messages, int cases, int outbox, int journaled, List<String> schema) {}

    public static Result copy(Path store, Path target, List<Long> deliveredIds) {
        if (Files.exists(target)) {
            throw new StoreException(target + " exists already; give a new file name (a backup never overwrites)", null);
        }
        try {
            PrivateFiles.createParent(target);
            PrivateFiles.create(target);
        } catch (IOException e) {
            throw new StoreException("cannot create " + target + ": " + e.getMessage(), null);
        }
        try (SqliteDatabase source = SqliteDatabase.openReadOnly(store)) {
            source.vacuumInto(target);
            List<String> schema = source.appliedMigrations();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
                int journaled = 0;
                try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET status='sent', raw=NULL WHERE id=? AND status='pending'")) {
                    for (long id : deliveredIds) {
                        s.setLong(1, id);
                        journaled += s.executeUpdate();
                    }
                }
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                    String verdict = r.next() ? r.getString(1) : "no answer";
                    if (!"ok".equals(verdict)) {
                        throw new StoreException("the copy " + target + " failed its integrity check: " + verdict, null);
                    }
                }
                return new Result(target, Files.size(target), count(c, "messages"), count(c, "cases"), count(c, "outbox"), journaled, schema);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("backup to " + target + " failed: " + e.getMessage(), e instanceof SQLException q ? q : null);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
