package no.meldingsvakt.outbound;

import java.time.Duration;

/** Capped exponential backoff: base, 2×base, 4×base, … up to cap. */
public record Backoff(Duration base, Duration cap) {
    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(failures - 1, 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
