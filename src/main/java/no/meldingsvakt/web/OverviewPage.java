package no.meldingsvakt.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.store.Store;

/**
 * «Oversikt»: what is down now and until when, with the number to call; planned stops in the next
 * 14 days; how many cases are open and overdue; and each mailbox's health.
 */
final class OverviewPage {
    static final int UPCOMING_DAYS = 14;
    private final Store store;
    private final Health health;
    private final Clock clock;

    OverviewPage(Store store, Health health, Clock clock) {
        this.store = store;
        this.health = health;
        this.clock = clock;
    }

    Map<String, Object> model(Viewer v) {
        Instant now = clock.instant();
        List<CaseRecord> recent = new ArrayList<>();
        int open = 0;
        int overdue = 0;
        List<Map<String, Object>> mailboxes = new ArrayList<>();
        for (OrganisationConfig o : v.organisations()) {
            recent.addAll(store.cases().since(o.id(), now.minus(java.time.Duration.ofDays(1))));
            List<CaseRecord> notClosed = store.cases().list(o.id(), true);
            open += notClosed.size();
            overdue += (int) notClosed.stream().filter(c -> c.overdue(now)).count();
            mailboxes.add(mailbox(o));
        }
        recent.sort(Comparator.comparing((CaseRecord c) -> c.windowStart().orElse(c.openedAt())));
        Map<String, Object> m = new HashMap<>();
        m.put("down", recent.stream().filter(c -> Shown.downNow(c, now)).map(c -> Shown.row(c, v.organisations(), now)).toList());
        m.put("upcoming", recent.stream().filter(c -> Shown.upcoming(c, now, UPCOMING_DAYS)).map(c -> Shown.row(c, v.organisations(), now)).toList());
        m.put("open", open);
        m.put("overdue", overdue);
        m.put("mailboxes", mailboxes);
        m.put("now", Views.time(now));
        return m;
    }

    private Map<String, Object> mailbox(OrganisationConfig o) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", o.name());
        m.put("address", o.address());
        Health.Snapshot local = health.snapshot(o.id());
        var saved = store.alerts().health(o.id());
        var lastWatched = local.lastWatched().or(() -> saved.flatMap(s -> s.lastWatched()));
        m.put("lastWatched", Views.time(lastWatched));
        m.put("watchedSince", local.lastWatched().isPresent() ? Views.time(local.since()) : "");
        m.put("lastMessage", Views.time(store.messages().lastReceived(o.id())));
        List<Map<String, Object>> alerts = store.alerts().open(o.id()).stream().map(a -> Map.<String, Object>of("problem", a.problem(),
                "since", Views.time(a.since()), "detail", a.detail() == null ? "" : a.detail())).toList();
        m.put("alerts", alerts);
        m.put("ok", alerts.isEmpty() && lastWatched.isPresent());
        return m;
    }
}
