package no.meldingsvakt.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.store.Store;

/**
 * {@code /health/ready}: the store answers, and every mailbox is watched — by this instance or, on a
 * shared store, by another — or the service started less than the unwatched grace ago. The same
 * grace the health monitor gives before it alerts.
 */
final class Readiness {
    private final AppConfig config;
    private final Store store;
    private final Health health;
    private final Clock clock;
    private final Instant started;

    Readiness(AppConfig config, Store store, Health health, Clock clock) {
        this.config = config;
        this.store = store;
        this.health = health;
        this.clock = clock;
        this.started = clock.instant();
    }

    record Answer(boolean ready, Map<String, Object> body) {}

    Answer check() {
        Instant now = clock.instant();
        Duration grace = config.health().unwatchedAfter();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean ready = true;
        try {
            store.outbox().pending();
            body.put("store", "ok");
        } catch (RuntimeException e) {
            body.put("store", "unavailable: " + e.getMessage());
            ready = false;
        }
        Map<String, String> mailboxes = new LinkedHashMap<>();
        for (OrganisationConfig o : config.organisations()) {
            Optional<Instant> last = health.snapshot(o.id()).lastWatched();
            if (last.isEmpty() && "ok".equals(body.get("store"))) {
                last = store.alerts().health(o.id()).flatMap(s -> s.lastWatched());
            }
            boolean fresh = last.map(t -> t.plus(grace).isAfter(now)).orElse(false);
            if (fresh) {
                mailboxes.put(o.id(), "watched");
            } else if (started.plus(grace).isAfter(now)) {
                mailboxes.put(o.id(), "starting");
            } else {
                mailboxes.put(o.id(), "not watched" + last.map(t -> " since " + t).orElse(""));
                ready = false;
            }
        }
        body.put("mailboxes", mailboxes);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ready ? "ready" : "not-ready");
        out.putAll(body);
        return new Answer(ready, out);
    }
}
