package no.meldingsvakt.config;

import java.time.Duration;

/**
 * When silence becomes a problem: a mailbox not confirmed watched for {@code unwatchedAfter},
 * {@code authFailures} failed logins in a row, mail waiting longer than {@code undeliverableAfter}.
 * Alerts repeat after {@code repeatAfter}, doubling up to {@code repeatMax}, until the all-clear.
 */
public record HealthConfig(Duration checkEvery, Duration unwatchedAfter, Duration undeliverableAfter, int authFailures,
        Duration repeatAfter, Duration repeatMax) {
    public static HealthConfig defaults() {
        return new HealthConfig(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 3, Duration.ofHours(1),
                Duration.ofHours(24));
    }
}
