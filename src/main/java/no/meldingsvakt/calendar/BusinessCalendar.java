package no.meldingsvakt.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.config.BusinessHoursConfig;
import no.meldingsvakt.config.DateRule;

/**
 * Business time for one organisation: its opening hours on Norwegian business days (public
 * holidays from the jollyday library, Easter-based ones computed, nothing typed in), minus its own
 * closed days, with early closing on half days. Europe/Oslo. Thread-safe.
 */
public final class BusinessCalendar {
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final HolidayManager NORWAY = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY));
    private static final Map<Integer, List<Holiday>> CACHE = new ConcurrentHashMap<>();
    /** Business arithmetic never looks further ahead than this; a calendar with no open day is a config error. */
    private static final int MAX_DAYS = 3660;

    private final BusinessHoursConfig hours;

    public BusinessCalendar(BusinessHoursConfig hours) {
        this.hours = hours;
    }

    public boolean isBusinessTime(Instant instant) {
        ZonedDateTime t = instant.atZone(OSLO);
        return open(t.toLocalDate()).map(o -> !t.toLocalTime().isBefore(o.start()) && t.toLocalTime().isBefore(o.end())).orElse(false);
    }

    public boolean isBusinessDay(LocalDate date) {
        return open(date).isPresent();
    }

    /** The opening hours of a date, or empty on a weekend, public holiday or closed day. */
    public Optional<Opening> open(LocalDate date) {
        if (!hours.days().contains(date.getDayOfWeek()) || isHoliday(date) || matches(hours.closedDays(), date)) {
            return Optional.empty();
        }
        LocalTime end = hours.end();
        for (Map.Entry<DateRule, LocalTime> half : hours.halfDays().entrySet()) {
            if (half.getKey().in(date.getYear(), BusinessCalendar::easterSunday).filter(date::equals).isPresent()) {
                end = half.getValue();
            }
        }
        return end.isAfter(hours.start()) ? Optional.of(new Opening(hours.start(), end)) : Optional.empty();
    }

    /** The length of one ordinary business day: what "1 business day" adds. */
    public Duration dayLength() {
        return Duration.between(hours.start(), hours.end());
    }

    /**
     * The instant {@code amount} of business time after {@code from}: time counts only while the
     * organisation is open. One business day is {@link #dayLength()}, so a day from inside the
     * hours is the same clock time on the next business day, and from outside them the close of
     * the next business day.
     */
    public ZonedDateTime plus(ZonedDateTime from, Duration amount) {
        ZonedDateTime t = from.withZoneSameInstant(OSLO);
        Duration left = amount;
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Optional<Opening> o = open(day);
            if (o.isEmpty()) {
                continue;
            }
            ZonedDateTime opens = ZonedDateTime.of(day, o.get().start(), OSLO);
            ZonedDateTime closes = ZonedDateTime.of(day, o.get().end(), OSLO);
            ZonedDateTime begin = t.isAfter(opens) ? t : opens;
            if (!begin.isBefore(closes)) {
                continue;
            }
            Duration available = Duration.between(begin, closes);
            if (left.compareTo(available) <= 0) {
                return begin.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days: check business_hours");
    }

    /** The instant {@code amount} of business time before {@code to} (the business day before a planned stop, say). */
    public ZonedDateTime minus(ZonedDateTime to, Duration amount) {
        ZonedDateTime t = to.withZoneSameInstant(OSLO);
        Duration left = amount;
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.minusDays(1)) {
            Optional<Opening> o = open(day);
            if (o.isEmpty()) {
                continue;
            }
            ZonedDateTime opens = ZonedDateTime.of(day, o.get().start(), OSLO);
            ZonedDateTime closes = ZonedDateTime.of(day, o.get().end(), OSLO);
            ZonedDateTime end = t.isBefore(closes) ? t : closes;
            if (!end.isAfter(opens)) {
                continue;
            }
            Duration available = Duration.between(opens, end);
            if (left.compareTo(available) <= 0) {
                return end.minus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days: check business_hours");
    }

    public ZonedDateTime plusDays(ZonedDateTime from, int days) {
        return plus(from, dayLength().multipliedBy(days));
    }

    /** Business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(ZonedDateTime from, ZonedDateTime to) {
        Duration sum = Duration.ZERO;
        ZonedDateTime a = from.withZoneSameInstant(OSLO);
        ZonedDateTime b = to.withZoneSameInstant(OSLO);
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            Optional<Opening> o = open(day);
            if (o.isPresent()) {
                ZonedDateTime s = max(a, ZonedDateTime.of(day, o.get().start(), OSLO));
                ZonedDateTime e = min(b, ZonedDateTime.of(day, o.get().end(), OSLO));
                if (e.isAfter(s)) {
                    sum = sum.plus(Duration.between(s, e));
                }
            }
        }
        return sum;
    }

    private static ZonedDateTime max(ZonedDateTime x, ZonedDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static ZonedDateTime min(ZonedDateTime x, ZonedDateTime y) {
        return x.isBefore(y) ? x : y;
    }

    private static boolean matches(List<DateRule> rules, LocalDate date) {
        return rules.stream().anyMatch(r -> r.in(date.getYear(), BusinessCalendar::easterSunday).filter(date::equals).isPresent());
    }

    public static boolean isHoliday(LocalDate date) {
        return holidays(date.getYear()).stream().anyMatch(h -> h.getDate().equals(date));
    }

    /** Easter Sunday of a year, from the holiday library (which computes it; nothing typed in). */
    public static LocalDate easterSunday(int year) {
        return holidays(year).stream().filter(h -> h.getPropertiesKey().endsWith("EASTER")).map(Holiday::getDate).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Easter Sunday for " + year + " in the holiday calendar"));
    }

    /** Norway's public holidays of a year, in date order. */
    public static List<Holiday> holidays(int year) {
        return CACHE.computeIfAbsent(year, y -> NORWAY.getHolidays(Year.of(y)).stream()
                .sorted(Comparator.comparing(Holiday::getDate))
                .toList());
    }

    /** The Norwegian name of a public holiday (the library names them in English only). */
    public static String norwegianName(Holiday h) {
        String english = h.getDescription(java.util.Locale.ENGLISH);
        return NORWEGIAN.getOrDefault(english, english);
    }

    private static final Map<String, String> NORWEGIAN = Map.ofEntries(
            Map.entry("New Year's Day", "1. nyttårsdag"), Map.entry("Maundy Thursday", "Skjærtorsdag"), Map.entry("Good Friday", "Langfredag"),
            Map.entry("Easter", "1. påskedag"), Map.entry("Easter Monday", "2. påskedag"), Map.entry("Labour day", "Offentlig høytidsdag"),
            Map.entry("Ascension Day", "Kristi himmelfartsdag"), Map.entry("Constitution Day", "Grunnlovsdag"), Map.entry("Pentecost", "1. pinsedag"),
            Map.entry("Whit Monday", "2. pinsedag"), Map.entry("Christmas", "1. juledag"), Map.entry("St.Stephen's Day", "2. juledag"));

    /** Opening and closing time of one business day. */
    public record Opening(LocalTime start, LocalTime end) {}
}
