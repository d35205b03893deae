package no.meldingsvakt.config;

/**
 * A PostgreSQL store shared by any number of instances: {@code url} is a {@code jdbc:postgresql:}
 * URL, the password comes from {@code password_env} or {@code password_file}; {@code pool} is the
 * most connections one instance opens; {@code journal} is this instance's own sent journal, a
 * local file (by default in systemd's {@code $STATE_DIRECTORY}, else beside the config file).
 */
public record PostgresConfig(String url, String user, Secret password, int pool, java.nio.file.Path journal) {
    @Override
    public String toString() {
        return "PostgresConfig[" + url + ", user " + user + ", password " + password + ", pool " + pool + ", journal " + journal + "]";
    }
}
