package no.meldingsvakt.config;

/**
 * A PostgreSQL store shared by any number of instances: {@code url} is a {@code jdbc:postgresql:}
 * URL, the password comes from {@code password_env} or {@code password_file}; {@code pool} is the
 * most connections one instance opens.
 */
public record PostgresConfig(String url, String user, Secret password, int pool) {
    @Override
    public String toString() {
        return "PostgresConfig[" + url + ", user " + user + ", password " + password + ", pool " + pool + "]";
    }
}
