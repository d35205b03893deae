package no.meldingsvakt.store;

import java.security.SecureRandom;

/** Secrets the store keeps for itself (the key of our Message-IDs); never logged, never shown. */
public final class Secrets {
    private final Database db;

    public Secrets(Database db) {
        this.db = db;
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

    /** Replaces the secret of this name with a fresh one (a calendar token rotated from the console). */
    public byte[] replace(String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        db.transaction(c -> Sql.update(c, "INSERT INTO secrets(name, value) VALUES (?,?) ON CONFLICT(name) DO UPDATE SET value=excluded.value",
                name, fresh));
        return fresh;
    }
}
