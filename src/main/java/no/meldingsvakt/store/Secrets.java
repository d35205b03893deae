package no.meldingsvakt.store;

import java.security.SecureRandom;

/** Secrets the store keeps for itself (the key of our Message-IDs); never logged, never shown. */
public final class Secrets {
    private final Database db;
    private final java.time.Clock clock;

    public Secrets(Database db, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The secret of this name, made (32 random bytes) the first time it is asked for. Two instances
     * asking at once both get the one that was stored first.
     */
    public byte[] get(String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return db.transaction(c -> {
            Sql.update(c, "INSERT INTO secrets(name, value) VALUES (?,?) ON CONFLICT(name) DO NOTHING", name, fresh);
            try (var s = c.prepareStatement("SELECT value FROM secrets WHERE name=?")) {
                s.setString(1, name);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getBytes(1);
                }
            }
        });
    }

    /**
     * Replaces the secret of this name with a fresh one (a calendar token rotated from the console),
     * with an audit line for the organisation naming who did it.
     */
    public void replace(String name, String org, String by) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        db.transaction(c -> {
            Sql.update(c, "INSERT INTO secrets(name, value) VALUES (?,?) ON CONFLICT(name) DO UPDATE SET value=excluded.value", name, fresh);
            Sql.update(c, "INSERT INTO audit(at, org, event, detail, actor) VALUES (?,?,?,?,?)", clock.instant().toString(), org,
                    "secret-replaced", name, by);
            return null;
        });
    }
}
