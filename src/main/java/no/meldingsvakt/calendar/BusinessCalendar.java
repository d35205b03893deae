package no.meldingsvakt.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.config.BusinessHoursConfig;

/** Answers "is this instant inside business hours?" for one organisation. Thread-safe. */
public final class BusinessCalendar {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final HolidayManager NORWAY = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
    private static final Map<Integer, List<Holiday>> CACHE = new ConcurrentHashMap<>();

    private final BusinessHoursConfig hours;

    public BusinessCalendar(BusinessHoursConfig hours) {
        this.hours = hours;
    }

    public boolean isBusinessTime(Instant instant) {
        ZonedDateTime t = instant.atZone(OSLO);
        return isBusinessDay(t.toLocalDate())
                && !t.toLocalTime().isBefore(hours.start())
                && t.toLocalTime().isBefore(hours.end());
    }

    public boolean isBusinessDay(LocalDate date) {
        return hours.days().contains(date.getDayOfWeek()) && !isHoliday(date);
    }

    public static boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).stream().anyMatch(h -> h.getDate().equals(date));
    }

    /** Norway's public holidays of a year, in date order. */
    public static List<Holiday> holidays(int year) {
        return CACHE.computeIfAbsent(year, y -> NORWAY.getHolidays(Year.of(y)).stream()
                .sorted(Comparator.comparing(Holiday::getDate))
                .toList());
    }
}
