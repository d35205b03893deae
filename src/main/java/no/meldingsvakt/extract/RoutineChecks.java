package no.meldingsvakt.extract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.FreezePeriod;
import no.meldingsvakt.config.NoticeChecks;

/**
 * Checks a notice against the routine: a phone number and a time for every downtime notice, a week's
 * warning and no freeze period for planned work, and an expected end for an incident. Inquiries
 * about a missing receipt concern one message, not downtime, and are not checked.
 */
final class RoutineChecks {
    private RoutineChecks() {}

    static List<Problem> check(Category category, TimeWindow window, Optional<String> phone, Instant announced, NoticeChecks checks) {
        List<Problem> out = new ArrayList<>();
        boolean planned = category.kind() == Category.Kind.PLANNED_STOP;
        boolean incident = category.kind() == Category.Kind.INCIDENT;
        if (!planned && !incident) {
            return out;
        }
        if (phone.isEmpty()) {
            out.add(Problem.NO_PHONE);
        }
        if (window.start().isEmpty()) {
            out.add(Problem.NO_TIME);
        }
        if (planned && window.start().isPresent()
                && Duration.between(announced, window.start().get().toInstant()).compareTo(Duration.ofDays(checks.minNoticeDays())) < 0) {
            out.add(Problem.LATE_NOTICE);
        }
        if (planned && window.start().isPresent() && inFreeze(window, checks.freezePeriods())) {
            out.add(Problem.FREEZE_PERIOD);
        }
        if (incident && window.end().isEmpty()) {
            out.add(Problem.NO_EXPECTED_END);
        }
        return out;
    }

    private static boolean inFreeze(TimeWindow window, List<FreezePeriod> periods) {
        LocalDate start = window.start().get().toLocalDate();
        LocalDate end = window.end().map(e -> e.toLocalDate()).orElse(start);
        for (FreezePeriod p : periods) {
            for (int y = start.getYear() - 1; y <= end.getYear(); y++) {
                Optional<LocalDate> from = p.from().in(y, BusinessCalendar::easterSunday);
                Optional<LocalDate> to = from.flatMap(f -> p.to().in(to(p, f), BusinessCalendar::easterSunday));
                if (from.isPresent() && to.isPresent() && !end.isBefore(from.get()) && !start.isAfter(to.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A period written as 12-21 to 01-02 ends in the next year. */
    private static int to(FreezePeriod p, LocalDate from) {
        Optional<LocalDate> sameYear = p.to().in(from.getYear(), BusinessCalendar::easterSunday);
        return sameYear.isPresent() && sameYear.get().isBefore(from) && p.to().year().isEmpty() ? from.getYear() + 1 : from.getYear();
    }
}
