package no.meldingsvakt.message;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The moment by which the message being processed on this thread must be done. Slow steps (Tika)
 * take no more than what is left of it, so one message never holds up the ones behind it for
 * longer than its deadline.
 */
public final class Deadline {
    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    private Deadline() {}

    public static void set(Instant at) {
        AT.set(at);
    }

    public static void clear() {
        AT.remove();
    }

    /** What is left on this thread's deadline; empty when none is set (the classify dry run). */
    public static Optional<Duration> remaining() {
        Instant at = AT.get();
        if (at == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(Instant.now(), at);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
