package no.meldingsvakt.config;

/** One problem in a config file, located precisely enough that an administrator can fix it. */
public record ConfigError(String file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return path.isEmpty() ? where + ": " + message : where + ": " + path + ": " + message;
    }
}
