package no.meldingsvakt.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.store.Store;

/**
 * The downtime calendar of one organisation as iCalendar, for Outlook, Google Calendar and phones
 * to subscribe to: an event per planned window and per open incident. UIDs are the case
 * references, so an event stays one event; SEQUENCE rises when its window moves; a stop called off
 * stays in the feed as CANCELLED so subscribers see it go. The URL's token is the only key: it is
 * compared in constant time, a wrong one gets the same 404 as a wrong organisation, and an
 * administrator can replace it from the console.
 */
final class CalendarFeed {
    /** Events older than this drop out of the feed. */
    static final Duration PAST = Duration.ofDays(30);
    /** An incident with no expected end is shown as lasting at least this long from now. */
    static final Duration OPEN_END = Duration.ofHours(1);

    private final Store store;
    private final Clock clock;

    CalendarFeed(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static String secretName(String org) {
        return "calendar-token:" + org;
    }

    String token(String org) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(store.secrets().get(secretName(org)));
    }

    String rotate(String org, String by) {
        store.secrets().replace(secretName(org), org, by);
        return token(org);
    }

    boolean accepts(String org, String given) {
        return given != null && MessageDigest.isEqual(token(org).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    String render(OrganisationConfig org, String caseLinkBase) {
        Instant now = clock.instant();
        Calendar cal = new Calendar().add(new ProdId("-//Meldingsvakt//Nedetid//NO")).add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN).add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", "Nedetid – " + org.name()));
        cal.add(new XProperty("X-PUBLISHED-TTL", "PT15M"));
        for (CaseRecord c : store.cases().since(org.id(), now.minus(PAST))) {
            event(c, now, caseLinkBase).ifPresent(cal::add);
        }
        return cal.toString();
    }

    private static Optional<VEvent> event(CaseRecord c, Instant now, String caseLinkBase) {
        boolean planned = Shown.planned(c);
        if (planned && c.windowStart().isEmpty()) {
            return Optional.empty();
        }
        if (!planned && !(Shown.incident(c) && !c.status().equals("closed"))) {
            return Optional.empty();
        }
        Instant start = c.windowStart().orElse(c.openedAt());
        Instant end = c.windowEnd().filter(e -> e.isAfter(start))
                .orElseGet(() -> planned ? start.plus(OPEN_END) : later(now.plus(OPEN_END), start.plus(OPEN_END)));
        String services = c.facts().services().isEmpty() ? Shown.label(c) : String.join(", ", c.facts().services());
        String partner = c.facts().partner().isBlank() ? c.sender() : c.facts().partner();
        StringBuilder d = new StringBuilder();
        d.append(Shown.label(c)).append(": ").append(c.subject()).append('\n');
        c.facts().organisation().ifPresent(o -> d.append("Gjelder: ").append(o).append('\n'));
        c.facts().phone().ifPresent(p -> d.append("Telefon for pasientinformasjon: ").append(p).append('\n'));
        if (c.windowEnd().isEmpty()) {
            d.append("Forventet slutt er ikke kjent.\n");
        }
        String link = caseLinkBase + "/saker/" + c.ref();
        d.append("Sak ").append(c.ref()).append(": ").append(link);
        VEvent e = new VEvent(start, end, "Nedetid: " + partner + " – " + services);
        e.add(new Uid(c.ref() + "@meldingsvakt"));
        e.add(new Sequence(c.windowSeq()));
        e.add(new Status(c.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        e.add(new Description(d.toString()));
        e.add(new Url(URI.create(link)));
        return Optional.of(e);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
