package no.meldingsvakt.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts read from the store for the gauges, kept for a few seconds: a scrape every second must not
 * become a store query every second per gauge. A store that cannot answer gives NaN, not an error page.
 */
public final class StoreFigures {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFigures.class);
    private static final Duration FRESH = Duration.ofSeconds(5);

    public record Figures(double outboxPending, double casesOpen, double casesOverdue, double alertsOpen) {
        static final Figures UNKNOWN = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final AppConfig config;
    private final Store store;
    private final Clock clock;
    private Figures last = Figures.UNKNOWN;
    private Instant readAt = Instant.MIN;

    public StoreFigures(AppConfig config, Store store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    public synchronized Figures get() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH).isAfter(now) && readAt.isBefore(now.plusSeconds(1))) {
            return last;
        }
        try {
            int open = 0;
            int overdue = 0;
            int alerts = 0;
            for (var org : config.organisations()) {
                List<CaseRecord> cases = store.cases().list(org.id(), true);
                open += cases.size();
                overdue += (int) cases.stream().filter(c -> c.overdue(now)).count();
                alerts += store.alerts().open(org.id()).size();
            }
            last = new Figures(store.outbox().pending(), open, overdue, alerts);
        } catch (RuntimeException e) {
            LOG.warn("metrics: cannot read the store: {}", e.toString());
            last = Figures.UNKNOWN;
        }
        readAt = now;
        return last;
    }

    /** Forgets the cached figures (tests read them right after a change). */
    public synchronized void refresh() {
        readAt = Instant.MIN;
    }
}
