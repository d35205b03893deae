package no.meldingsvakt.message;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A notice sent as a calendar invitation (text/calendar, an .ics file): its event read as the lines
 * a notice would write ("Tidspunkt for nedetid: 12.03.2026 kl. 16:00 - 12.03.2026 kl. 20:00"), so the
 * reader takes the window from the event. Times in Europe/Oslo.
 */
final class CalendarText {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private CalendarText() {}

    static Optional<String> of(String ics) {
        try {
            Calendar cal = new CalendarBuilder().build(new StringReader(ics.length() > 200_000 ? ics.substring(0, 200_000) : ics));
            Optional<VEvent> event = cal.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).findFirst();
            if (event.isEmpty()) {
                return Optional.empty();
            }
            VEvent e = event.get();
            StringBuilder sb = new StringBuilder();
            if (e.getSummary() != null) {
                sb.append(Clean.line(e.getSummary().getValue())).append('\n');
            }
            Optional<String> start = e.getStartDate().map(d -> shown(d.getDate()));
            Optional<String> end = e.getEndDate().map(d -> shown(d.getDate()));
            start.ifPresent(s -> sb.append("Tidspunkt for nedetid: ").append(s).append(end.map(x -> " - " + x).orElse("")).append('\n'));
            if (e.getDescription() != null) {
                sb.append(e.getDescription().getValue()).append('\n');
            }
            return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
        } catch (Exception | LinkageError e) {
            // A broken invitation is an attachment without text, never a reason to drop the notice.
            return Optional.empty();
        }
    }

    private static String shown(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return SHOWN.format(z.withZoneSameInstant(OSLO));
        }
        if (t instanceof java.time.OffsetDateTime o) {
            return SHOWN.format(o.atZoneSameInstant(OSLO));
        }
        if (t instanceof java.time.Instant i) {
            return SHOWN.format(i.atZone(OSLO));
        }
        if (t instanceof java.time.LocalDateTime l) {
            return SHOWN.format(l.atZone(OSLO));
        }
        if (t instanceof java.time.LocalDate d) {
            return SHOWN.format(d.atStartOfDay(OSLO));
        }
        return t.toString();
    }
}
