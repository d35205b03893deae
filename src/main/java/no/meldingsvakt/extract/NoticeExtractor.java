package no.meldingsvakt.extract;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.NoticeChecks;
import no.meldingsvakt.message.Forward;
import no.meldingsvakt.message.ParsedMessage;

/** Reads a notice into {@link NoticeDetails}: the original one when the message forwards it. */
public final class NoticeExtractor {
    private static final int MAX_TEXT = 100_000;

    private NoticeExtractor() {}

    private static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * @param received when the message arrived, for a message without a usable Date header
     * @param ownOrganisation the monitoring organisation's name, which a notice addressed to it
     *     mentions but is not about
     */
    public static NoticeDetails extract(ParsedMessage m, Category category, Instant received, String ownOrganisation, NoticeChecks checks) {
        if (!category.readable()) {
            return NoticeDetails.NONE;
        }
        // A notice is a page or two; bounding the text bounds the work hostile input can cause.
        String subject = cap(m.originalSubject(), 1_000);
        String body = QuotedHeaders.strip(cap(m.noticeText(), MAX_TEXT));
        Instant announced = announced(m, received);
        boolean planned = category.kind() == Category.Kind.PLANNED_STOP;
        TimeExpressions times = new TimeExpressions(announced.atZone(TimeExpressions.OSLO).toLocalDate(), planned);
        TimeWindow window = choose(times.find(subject + "\n\n" + body), planned);
        if (window.start().isPresent() && window.end().isEmpty()) {
            // "starter kl 18:00 og varer i ca. 3 timer": the end is the start plus the stated duration.
            ZonedDateTime start = window.start().get();
            window = new TimeWindow(window.start(), TimeTokens.duration(subject + "\n\n" + body).map(start::plus));
        }
        // The form's own labels: an answer that says nothing («Ukjent», «-») gives nothing, never a guess from elsewhere.
        if (FormLabels.unanswered(body, FormLabels.START) && !planned) {
            window = new TimeWindow(Optional.empty(), window.end());
        }
        if (FormLabels.unanswered(body, FormLabels.END) && !planned) {
            window = new TimeWindow(window.start(), Optional.empty());
        }
        Optional<String> organisation = organisation(subject, body, cap(m.noticeText(), MAX_TEXT), m, ownOrganisation);
        Optional<String> phone = FormLabels.unanswered(body, FormLabels.PHONE) ? Optional.empty() : PhoneNumbers.patientPhone(subject + "\n" + body);
        return new NoticeDetails(organisation, window, phone, RoutineChecks.check(category, window, phone, announced, checks));
    }

    /** When the notice was sent: the forwarded original's date when there is one. */
    static Instant announced(ParsedMessage m, Instant received) {
        Instant own = m.date().orElse(received);
        if (m.forward().isEmpty()) {
            return own;
        }
        Forward f = m.forward().get();
        if (f.date().isPresent()) {
            return f.date().get();
        }
        TimeExpressions.Found found = new TimeExpressions(own.atZone(TimeExpressions.OSLO).toLocalDate(), false).find(f.dateText());
        return found.points().stream().filter(p -> p.time().isPresent()).findFirst()
                .map(p -> p.at().toInstant()).filter(i -> !i.isAfter(own)).orElse(own);
    }

    static TimeWindow choose(TimeExpressions.Found found, boolean planned) {
        List<TimeExpressions.Point> points = found.points();
        Optional<TimeExpressions.Range> range = found.ranges().stream().findFirst();
        Optional<TimeExpressions.Point> cuedStart = points.stream().filter(p -> p.cue() == TimeExpressions.Cue.START).findFirst();
        Optional<ZonedDateTime> start;
        if (planned && range.isPresent()) {
            return new TimeWindow(Optional.of(range.get().startAt()), Optional.of(range.get().endAt()));
        }
        if (cuedStart.isPresent() && !(range.isPresent() && range.get().start().equals(cuedStart.get()))) {
            start = Optional.of(withTime(cuedStart.get(), points).at());
        } else if (range.isPresent()) {
            return new TimeWindow(Optional.of(range.get().startAt()), Optional.of(range.get().endAt()));
        } else {
            start = points.stream().filter(p -> p.cue() != TimeExpressions.Cue.END).findFirst().map(p -> withTime(p, points).at());
        }
        Optional<ZonedDateTime> from = start;
        Optional<ZonedDateTime> end = points.stream().filter(p -> p.cue() == TimeExpressions.Cue.END)
                .map(TimeExpressions.Point::asEnd)
                .filter(e -> from.isEmpty() || e.isAfter(from.get()))
                .findFirst();
        return new TimeWindow(start, end);
    }

    /** A subject often names the day and the body the hour: the same day written later with a time is the moment meant. */
    private static TimeExpressions.Point withTime(TimeExpressions.Point p, List<TimeExpressions.Point> points) {
        if (p.time().isPresent()) {
            return p;
        }
        return points.stream().filter(o -> o.from() > p.from() && o.time().isPresent() && o.cue() != TimeExpressions.Cue.END
                && o.date().equals(p.date()) && !o.dayAfter()).findFirst().orElse(p);
    }

    private static Optional<String> organisation(String subject, String body, String quoted, ParsedMessage m, String own) {
        List<String> inSubject = Organisations.find(subject);
        if (!inSubject.isEmpty()) {
            return Optional.of(inSubject.get(0));
        }
        // "Planlagt stopp … Helseplattformen 12.03": the partner the subject names outranks hospitals the body lists.
        Optional<String> knownInSubject = Organisations.known(subject);
        if (knownInSubject.isPresent()) {
            return knownInSubject;
        }
        String ownKey = own.toLowerCase(Locale.ROOT);
        Optional<String> inBody = Organisations.find(body).stream().filter(o -> !o.toLowerCase(Locale.ROOT).equals(ownKey)).findFirst();
        if (inBody.isPresent()) {
            return inBody;
        }
        // A reply quotes the notice's header block: its sender names the organisation.
        Optional<String> inQuote = Organisations.find(quoted).stream().filter(o -> !o.toLowerCase(Locale.ROOT).equals(ownKey)).findFirst();
        if (inQuote.isPresent()) {
            return inQuote;
        }
        Optional<String> name = m.forward().isPresent() ? m.forward().get().fromName() : m.fromName();
        Optional<String> byName = name.filter(n -> !Organisations.person(n)).flatMap(n -> Organisations.find(n).stream().findFirst())
                .filter(o -> !o.toLowerCase(Locale.ROOT).equals(ownKey));
        if (byName.isPresent()) {
            return byName;
        }
        return Organisations.known(subject + "\n" + body + "\n" + name.orElse(""));
    }
}
