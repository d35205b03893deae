package no.meldingsvakt.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.config.Route;
import no.meldingsvakt.config.TimeOfDay;

/**
 * Chooses the recipient lists for a message: every route whose conditions all hold adds its
 * lists. A notice or inquiry no route selects goes to the fallback lists, so nothing is kept from
 * staff; mail a robot sent that is no notice goes only where a route names {@code automatic}.
 */
public final class SelectRoutes {
    private SelectRoutes() {}

    public static Selection select(OrganisationConfig org, Classification c, String senderDomain, Instant arrived) {
        boolean business = new BusinessCalendar(org.businessHours()).isBusinessTime(arrived);
        Set<String> lists = new LinkedHashSet<>();
        List<String> routes = new ArrayList<>();
        for (Route r : org.routes()) {
            if (matches(r, c, senderDomain, business)) {
                routes.add(r.name());
                lists.addAll(r.lists());
            }
        }
        if (lists.isEmpty() && c.category() != Category.AUTOMATIC) {
            lists.addAll(org.fallbackLists());
            routes.add("fallback");
        }
        return new Selection(List.copyOf(routes), List.copyOf(lists));
    }

    private static boolean matches(Route r, Classification c, String senderDomain, boolean business) {
        if (c.category() == Category.AUTOMATIC && !r.categories().contains(Category.AUTOMATIC)) {
            return false;
        }
        if (!r.categories().isEmpty() && !r.categories().contains(c.category())) {
            return false;
        }
        if (!r.services().isEmpty() && c.services().stream().noneMatch(s -> r.services().contains(s.toLowerCase(java.util.Locale.ROOT)))) {
            return false;
        }
        if (!r.senderDomains().isEmpty() && r.senderDomains().stream().noneMatch(d -> senderDomain.equals(d) || senderDomain.endsWith("." + d))) {
            return false;
        }
        return r.time().isEmpty() || (r.time().get() == TimeOfDay.BUSINESS_HOURS) == business;
    }

    /** The routes that matched (by name) and the lists they selected, in config order. */
    public record Selection(List<String> routes, List<String> lists) {}
}
