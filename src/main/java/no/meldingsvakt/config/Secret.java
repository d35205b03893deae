package no.meldingsvakt.config;

import java.util.Objects;

/**
 * A password resolved from the environment or a file. It never prints its value: logs, config
 * summaries and exception messages show only where it came from.
 */
public final class Secret {
    private final String source;
    private final char[] value;

    private Secret(String source, char[] value) {
        this.source = source;
        this.value = value;
    }

    public static Secret of(String source, String value) {
        return new Secret(source, Objects.requireNonNull(value).toCharArray());
    }

    public String reveal() {
        return new String(value);
    }

    /** Where the secret came from, e.g. {@code env:ORKLAND_PASSWORD}; safe to print. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret[" + source + ", ******]";
    }
}
