package no.meldingsvakt.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import no.meldingsvakt.calendar.BusinessCalendar;

/** Whole days in Oslo, {@code from} inclusive, {@code to} exclusive. */
public record ReportPeriod(LocalDate from, LocalDate to) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag("nb"));

    public ReportPeriod {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period must end after it starts: " + from + " to " + to);
        }
    }

    public static ReportPeriod month(YearMonth m) {
        return new ReportPeriod(m.atDay(1), m.plusMonths(1).atDay(1));
    }

    public Instant start() {
        return from.atStartOfDay(BusinessCalendar.OSLO).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(BusinessCalendar.OSLO).toInstant();
    }

    /** The month this period ends in (for the 12-month chart, the last month shown). */
    public YearMonth lastMonth() {
        return YearMonth.from(to.minusDays(1));
    }

    public boolean wholeMonth() {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1));
    }

    /** «mars 2026», or «01.03.2026–15.03.2026». */
    public String label() {
        if (wholeMonth()) {
            return MONTH.format(from);
        }
        DateTimeFormatter d = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        return d.format(from) + "–" + d.format(to.minusDays(1));
    }

    public String id() {
        return wholeMonth() ? YearMonth.from(from).toString() : from + "_" + to.minusDays(1);
    }
}
