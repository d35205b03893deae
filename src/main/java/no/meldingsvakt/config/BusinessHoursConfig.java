package no.meldingsvakt.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** Opening hours of an organisation; public holidays come from the calendar, not from here. */
public record BusinessHoursConfig(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    public static BusinessHoursConfig standard() {
        return new BusinessHoursConfig(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0),
                LocalTime.of(15, 0));
    }
}
