package no.meldingsvakt.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.CaseRecord;

/**
 * A case as the pages show it, and what kind of downtime it is. Whether a case is a planned stop or
 * an incident is the category's to say ({@link Category.Kind}); the console only asks.
 */
final class Shown {
    private Shown() {}

    static boolean planned(CaseRecord c) {
        return Category.fromId(c.category()).map(k -> k.kind() == Category.Kind.PLANNED_STOP).orElse(false);
    }

    static boolean incident(CaseRecord c) {
        return Category.fromId(c.category()).map(k -> k.kind() == Category.Kind.INCIDENT).orElse(false);
    }

    /** Down now: a planned stop whose window has begun and not ended, or an incident not yet closed. */
    static boolean downNow(CaseRecord c, Instant now) {
        if (planned(c)) {
            return !c.cancelled() && c.windowStart().map(s -> !s.isAfter(now)).orElse(false) && c.windowEnd().map(e -> e.isAfter(now)).orElse(true)
                    && !c.status().equals("closed");
        }
        return incident(c) && !c.status().equals("closed") && c.windowEnd().map(e -> e.isAfter(now)).orElse(true);
    }

    /** A planned stop that begins within {@code days} from now and was not called off. */
    static boolean upcoming(CaseRecord c, Instant now, int days) {
        return planned(c) && !c.cancelled() && !c.status().equals("closed")
                && c.windowStart().map(s -> s.isAfter(now) && s.isBefore(now.plus(java.time.Duration.ofDays(days)))).orElse(false);
    }

    static String label(CaseRecord c) {
        return Category.fromId(c.category()).map(Category::norwegian).orElse(c.category());
    }

    static String status(CaseRecord c, Instant now) {
        if (c.overdue(now)) {
            return "Forfalt";
        }
        return switch (c.status()) {
            case "open" -> "Åpen";
            case "receipt-sent" -> "Kvittert";
            case "answered" -> "Besvart";
            case "closed" -> c.cancelled() ? "Avlyst" : "Lukket";
            default -> c.status();
        };
    }

    static Map<String, Object> row(CaseRecord c, List<OrganisationConfig> orgs, Instant now) {
        Map<String, Object> m = new HashMap<>();
        m.put("ref", c.ref());
        m.put("org", orgs.stream().filter(o -> o.id().equals(c.org())).map(OrganisationConfig::name).findFirst().orElse(c.org()));
        m.put("category", label(c));
        m.put("subject", c.subject());
        m.put("partner", c.facts().partner().isBlank() ? c.sender() : c.facts().partner());
        m.put("organisation", c.facts().organisation().orElse(""));
        m.put("services", String.join(", ", c.facts().services()));
        c.facts().phone().ifPresent(p -> {
            m.put("phone", Views.phone(p));
            m.put("tel", Views.tel(p));
        });
        m.put("since", Views.time(c.windowStart().orElse(c.openedAt())));
        m.put("until", Views.time(c.windowEnd()));
        m.put("opened", Views.time(c.openedAt()));
        m.put("due", Views.time(c.dueAt()));
        m.put("status", status(c, now));
        m.put("overdue", c.overdue(now));
        m.put("closed", c.status().equals("closed"));
        m.put("incident", incident(c));
        return m;
    }

    static Optional<OrganisationConfig> org(List<OrganisationConfig> orgs, String id) {
        return orgs.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
