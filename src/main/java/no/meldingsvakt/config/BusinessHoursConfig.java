package no.meldingsvakt.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opening hours of an organisation. Public holidays come from the calendar, not from here;
 * {@code closedDays} are the organisation's own extra closed days, and {@code halfDays} days on
 * which it closes early (Christmas Eve at 12:00, say).
 */
public record BusinessHoursConfig(Set<DayOfWeek> days, LocalTime start, LocalTime end, List<DateRule> closedDays,
        Map<DateRule, LocalTime> halfDays) {
    public BusinessHoursConfig(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        this(days, start, end, List.of(), Map.of());
    }

    public static BusinessHoursConfig standard() {
        return new BusinessHoursConfig(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0),
                LocalTime.of(15, 0));
    }
}
