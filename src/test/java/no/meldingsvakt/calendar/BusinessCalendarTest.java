package no.meldingsvakt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.config.DateRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.time.ZonedDateTime;
import no.meldingsvakt.config.BusinessHoursConfig;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private final BusinessCalendar calendar = new BusinessCalendar(BusinessHoursConfig.standard());

    @Test
    void norwegian_holidays_of_2026_match_the_official_dates() {
        assertThat(BusinessCalendar.holidays(2026)).extracting(h -> h.getDate().toString()).containsExactly(
                "2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024 | 2024-03-28 2024-03-29 2024-03-31 2024-04-01 2024-05-09 2024-05-19 2024-05-20",
        "2025 | 2025-04-17 2025-04-18 2025-04-20 2025-04-21 2025-05-29 2025-06-08 2025-06-09",
        "2027 | 2027-03-25 2027-03-26 2027-03-28 2027-03-29 2027-05-06 2027-05-16 2027-05-17",
        "2030 | 2030-04-18 2030-04-19 2030-04-21 2030-04-22 2030-05-30 2030-06-09 2030-06-10",
    })
    void easter_based_holidays_match_the_official_dates(int year, String easterBased) {
        List<String> dates = BusinessCalendar.holidays(year).stream().map(h -> h.getDate().toString()).toList();
        assertThat(dates).containsAll(List.of(easterBased.split(" ")))
                .contains(year + "-01-01", year + "-05-01", year + "-05-17", year + "-12-25", year + "-12-26").hasSize(12);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
        // inside hours: the same clock time on the next business day
        "2026-03-11T14:00 | 1 business day   | 2026-03-12T14:00+01:00",
        // after hours and before opening: the close of the next business day
        "2026-03-11T16:00 | 1 business day   | 2026-03-12T15:00+01:00",
        "2026-03-12T07:00 | 1 business day   | 2026-03-12T15:00+01:00",
        // Friday afternoon: over the weekend
        "2026-03-13T14:00 | 1 business day   | 2026-03-16T14:00+01:00",
        "2026-03-13T14:00 | 2 business hours | 2026-03-16T09:00+01:00",
        // Easter 2026: Maundy Thursday to Easter Monday closed
        "2026-04-01T14:00 | 1 business day   | 2026-04-07T14:00+02:00",
        // 17 May 2027 is a Monday (and Whit Monday); 14 May a Friday
        "2027-05-14T10:00 | 1 business day   | 2027-05-18T10:00+02:00",
        // Ascension Day 2026 is Thursday 14 May
        "2026-05-13T12:00 | 1 business day   | 2026-05-15T12:00+02:00",
        // Whitsun 2026: Monday 25 May closed
        "2026-05-22T14:00 | 2 business hours | 2026-05-26T09:00+02:00",
        // across both DST changes (the clocks move at night, outside business hours)
        "2026-03-27T14:00 | 1 business day   | 2026-03-30T14:00+02:00",
        "2026-10-23T14:00 | 1 business day   | 2026-10-26T14:00+01:00",
        // exactly at closing: due at that close, not the next morning
        "2026-03-11T08:00 | 7 business hours | 2026-03-11T15:00+01:00",
    })
    void deadlines_count_only_business_time(String from, String within, String due) {
        ZonedDateTime start = ZonedDateTime.of(LocalDateTime.parse(from), BusinessCalendar.OSLO);
        ZonedDateTime end = calendar.plus(start, no.meldingsvakt.config.BusinessAmount.parse(within).orElseThrow().duration(calendar.dayLength()));
        assertThat(end.toOffsetDateTime().toString()).isEqualTo(due);
    }

    @Test
    void closed_days_and_half_days_of_the_organisation_count_too() {
        BusinessHoursConfig hours = new BusinessHoursConfig(BusinessHoursConfig.standard().days(), LocalTime.of(8, 0), LocalTime.of(15, 0),
                List.of(DateRule.parse("12-31").orElseThrow()), Map.of(DateRule.parse("12-23").orElseThrow(), LocalTime.of(12, 0)));
        BusinessCalendar c = new BusinessCalendar(hours);
        ZonedDateTime wednesday = ZonedDateTime.of(LocalDateTime.parse("2026-12-23T11:00"), BusinessCalendar.OSLO);
        assertThat(c.plus(wednesday, Duration.ofHours(2)).toLocalDateTime()).as("half day, then Christmas").isEqualTo("2026-12-24T09:00");
        assertThat(c.isBusinessDay(LocalDate.parse("2026-12-31"))).isFalse();
        assertThat(c.between(wednesday, ZonedDateTime.of(LocalDateTime.parse("2026-12-28T09:00"), BusinessCalendar.OSLO)))
                .isEqualTo(Duration.ofHours(1 + 7 + 1));
    }

    @Test
    void business_hours_exclude_evenings_weekends_and_holidays() {
        assertThat(calendar.isBusinessTime(oslo("2026-03-11T09:00"))).isTrue();
        assertThat(calendar.isBusinessTime(oslo("2026-03-11T15:00"))).isFalse();
        assertThat(calendar.isBusinessTime(oslo("2026-03-14T10:00"))).as("Saturday").isFalse();
        assertThat(calendar.isBusinessTime(oslo("2026-05-14T10:00"))).as("Ascension Day").isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-04-02"))).as("Maundy Thursday").isFalse();
    }

    private static java.time.Instant oslo(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BusinessCalendar.OSLO).toInstant();
    }
}
