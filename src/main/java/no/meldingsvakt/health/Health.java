package no.meldingsvakt.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live state watchers and the outbox report; read by the monitor. Thread-safe, in memory. */
public final class Health {
    private final Clock clock;
    private final Instant started;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong smtpFailuresTotal = new java.util.concurrent.atomic.AtomicLong();

    public Health(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public void watched(String org) {
        state(org).watched(clock.instant());
    }

    /**
     * This instance starts watching the mailbox (at start, or on taking it over from another
     * instance): the grace before "not watched" counts from now.
     */
    public void watching(String org) {
        state(org).watching(clock.instant());
    }

    public void mailboxFailed(String org, String error, boolean auth) {
        state(org).mailboxFailed(error, auth);
    }

    public void smtpSucceeded(String org) {
        state(org).smtpOk(clock.instant());
    }

    public void smtpFailed(String org, String error, boolean auth) {
        smtpFailuresTotal.incrementAndGet();
        state(org).smtpFailed(error, auth);
    }

    /** Every failed SMTP attempt since start, all organisations together (a counter for /metrics). */
    public long smtpFailuresTotal() {
        return smtpFailuresTotal.get();
    }

    public Snapshot snapshot(String org) {
        State s = state(org);
        return s.snapshot(org, s.since == null ? started : s.since);
    }

    private State state(String org) {
        return states.computeIfAbsent(org, k -> new State());
    }

    /** What is known about one organisation's connections at one moment. */
    public record Snapshot(String org, Instant since, Optional<Instant> lastWatched, Optional<Instant> lastSmtpOk,
            int mailboxAuthFailures, int smtpFailures, int smtpAuthFailures, Optional<String> lastMailboxError,
            Optional<String> lastSmtpError) {}

    private static final class State {
        private volatile Instant since;
        private Instant lastWatched;
        private Instant lastSmtpOk;
        private int mailboxAuthFailures;
        private int smtpFailures;
        private int smtpAuthFailures;
        private String mailboxError;
        private String smtpError;

        synchronized void watching(Instant at) {
            since = at;
            lastWatched = null;
            mailboxError = null;
            mailboxAuthFailures = 0;
        }

        synchronized void watched(Instant at) {
            lastWatched = at;
            mailboxAuthFailures = 0;
            mailboxError = null;
        }

        synchronized void mailboxFailed(String error, boolean auth) {
            mailboxError = error;
            if (auth) {
                mailboxAuthFailures++;
            }
        }

        synchronized void smtpOk(Instant at) {
            lastSmtpOk = at;
            smtpFailures = 0;
            smtpAuthFailures = 0;
            smtpError = null;
        }

        synchronized void smtpFailed(String error, boolean auth) {
            smtpError = error;
            smtpFailures++;
            if (auth) {
                smtpAuthFailures++;
            }
        }

        synchronized Snapshot snapshot(String org, Instant started) {
            return new Snapshot(org, started, Optional.ofNullable(lastWatched), Optional.ofNullable(lastSmtpOk), mailboxAuthFailures,
                    smtpFailures, smtpAuthFailures, Optional.ofNullable(mailboxError), Optional.ofNullable(smtpError));
        }
    }
}
