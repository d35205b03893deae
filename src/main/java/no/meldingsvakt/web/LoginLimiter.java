package no.meldingsvakt.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per address and per user name: after {@link #MAX_FAILURES} within
 * {@link #WINDOW} either one is refused until the oldest failure has aged out. Guessing a password
 * over the network becomes a matter of years; a colleague who mistyped waits a quarter of an hour.
 */
final class LoginLimiter {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long this address or user must wait, if either is locked out now. */
    Optional<Duration> lockedFor(String ip, String user) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of("ip:" + ip, "user:" + user).map(k -> lockedFor(k, now)).flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void failed(String ip, String user) {
        Instant now = clock.instant();
        for (String k : new String[] {"ip:" + ip, "user:" + user}) {
            Deque<Instant> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                while (d.size() > MAX_FAILURES) {
                    d.removeFirst();
                }
            }
        }
        if (failures.size() > 100_000) {
            failures.clear();
        }
    }

    void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private Optional<Duration> lockedFor(String key, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return Optional.empty();
        }
        synchronized (d) {
            d.removeIf(t -> !t.plus(WINDOW).isAfter(now));
            if (d.size() < MAX_FAILURES) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, d.peekFirst().plus(WINDOW)));
        }
    }
}
