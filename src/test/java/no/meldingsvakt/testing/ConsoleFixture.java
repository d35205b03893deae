package no.meldingsvakt.testing;

import org.springframework.security.crypto.bcrypt.BCrypt;

/** The console section of a test config: an administrator, a staff member, and a port the system picks. */
public final class ConsoleFixture {
    public static final String ADMIN = "anne";
    public static final String STAFF = "sven";
    public static final String PASSWORD = "riktig-passord-1";

    private ConsoleFixture() {}

    /** Appended to {@link Harness#yaml}'s organisation entry: closes it and adds the top-level {@code console:}. */
    public static String yaml(String extra) {
        String hash = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
        return """
                    trust: none
                console:
                  listen: 127.0.0.1
                  port: 0
                  users:
                    - {name: %s, password_hash: "%s", role: admin}
                    - {name: %s, password_hash: "%s", role: staff, organisations: [kommune]}
                """.formatted(ADMIN, hash, STAFF, hash) + extra;
    }
}
