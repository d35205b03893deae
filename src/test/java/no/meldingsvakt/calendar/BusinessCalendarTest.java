package no.meldingsvakt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
