package no.meldingsvakt.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.store.Store;

/**
 * «Saker»: open, overdue or all cases, filtered by category, partner and organisation; a case with
 * its whole trail and text; closing with a note and reopening, each written to the audit by name.
 */
final class CasesPage {
    static final int MAX_ROWS = 500;
    private final Store store;
    private final Clock clock;

    CasesPage(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The filters as given in the query string; unknown values mean "no filter". */
    record Filter(String status, String category, String partner, String org) {
        static Filter of(String status, String category, String partner, String org) {
            String s = status != null && List.of("open", "overdue", "all").contains(status) ? status : "open";
            return new Filter(s, blank(category), blank(partner), blank(org));
        }

        private static String blank(String v) {
            return v == null ? "" : v.strip();
        }
    }

    Map<String, Object> list(Viewer v, Filter f) {
        Instant now = clock.instant();
        List<CaseRecord> cases = new ArrayList<>();
        for (OrganisationConfig o : v.organisations()) {
            if (f.org().isEmpty() || f.org().equals(o.id())) {
                cases.addAll(store.cases().list(o.id(), !f.status().equals("all")));
            }
        }
        String partner = f.partner().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> rows = cases.stream()
                .filter(c -> !f.status().equals("overdue") || c.overdue(now))
                .filter(c -> f.category().isEmpty() || c.category().equals(f.category()))
                .filter(c -> partner.isEmpty() || (c.facts().partner() + " " + c.sender()).toLowerCase(Locale.ROOT).contains(partner))
                .sorted(Comparator.comparing(CaseRecord::openedAt).reversed())
                .limit(MAX_ROWS)
                .map(c -> Shown.row(c, v.organisations(), now)).toList();
        Map<String, Object> m = new HashMap<>();
        m.put("rows", rows);
        m.put("count", rows.size());
        m.put("partner", f.partner());
        m.put("status_" + f.status(), true);
        m.put("categories", java.util.Arrays.stream(Category.values()).map(c -> Map.of("id", c.id(), "label", c.norwegian(),
                "selected", c.id().equals(f.category()))).toList());
        m.put("orgs", v.organisations().stream().map(o -> Map.of("id", o.id(), "name", o.name(), "selected", o.id().equals(f.org()))).toList());
        m.put("manyOrgs", v.organisations().size() > 1);
        return m;
    }

    /** The case, if it exists and the viewer may see it; otherwise nothing (the page says 404 either way). */
    Optional<CaseRecord> find(Viewer v, String ref) {
        return store.cases().get(ref).filter(c -> v.sees(c.org()));
    }

    Map<String, Object> detail(Viewer v, CaseRecord c) {
        Instant now = clock.instant();
        Map<String, Object> m = Shown.row(c, v.organisations(), now);
        m.put("sender", c.sender());
        m.put("lists", String.join(", ", c.lists()));
        m.put("answered", Views.time(c.answeredAt()));
        m.put("answeredBy", c.answeredBy().orElse(""));
        m.put("closedAt", Views.time(c.closedAt()));
        m.put("closedBy", c.closedBy().orElse(c.closedAt().isPresent() ? "Meldingsvakt" : ""));
        m.put("note", c.note().orElse(""));
        m.put("text", c.facts().text());
        m.put("window", c.windowStart().isPresent() || c.windowEnd().isPresent());
        m.put("trail", store.cases().trail(c.ref()).stream().map(t -> {
            Map<String, Object> e = new HashMap<>();
            e.put("at", Views.time(t.at()));
            e.put("event", t.event());
            e.put("detail", t.detail());
            e.put("actor", t.actor().orElse("Meldingsvakt"));
            return e;
        }).toList());
        m.put("mails", store.outbox().forCase(c.ref()).stream().map(x -> {
            Map<String, Object> e = new HashMap<>();
            e.put("kind", x.kind());
            e.put("to", x.recipients());
            e.put("status", switch (x.status()) {
                case "sent" -> "sendt " + Views.time(x.sentAt());
                case "pending" -> "venter" + (x.lastError().isEmpty() ? "" : " (" + x.lastError() + ")");
                default -> "feilet: " + x.lastError();
            });
            e.put("at", Views.time(x.createdAt()));
            return e;
        }).toList());
        return m;
    }

    boolean close(Viewer v, CaseRecord c, String note) {
        return store.cases().close(c.ref(), note.isBlank() ? "lukket i konsollet" : note, v.user().name());
    }

    boolean reopen(Viewer v, CaseRecord c, String note) {
        return store.cases().reopen(c.ref(), note.isBlank() ? "gjenåpnet i konsollet" : note, v.user().name());
    }
}
