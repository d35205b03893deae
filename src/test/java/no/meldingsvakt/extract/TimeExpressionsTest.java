package no.meldingsvakt.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeExpressionsTest {
    private static final LocalDate SENT = LocalDate.of(2025, 3, 3);

    private static TimeWindow planned(String text) {
        return NoticeExtractor.choose(new TimeExpressions(SENT, true).find(text), true);
    }

    private static TimeWindow incident(String text) {
        return NoticeExtractor.choose(new TimeExpressions(SENT, false).find(text), false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "12.03.2025 kl. 16:00-20:00                       | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "12.03.25 kl 16.00 – 13.03.25 kl 08.00            | 2025-03-12T16:00+01:00 | 2025-03-13T08:00+01:00",
        "tirsdag 12. mars 2025 fra kl 18:00 til kl 22:00  | 2025-03-12T18:00+01:00 | 2025-03-12T22:00+01:00",
        "26/3-2025 1600-2000                              | 2025-03-26T16:00+01:00 | 2025-03-26T20:00+01:00",
        "fra 02.04.2025 16:00 til 02.04.2025 20:00        | 2025-04-02T16:00+02:00 | 2025-04-02T20:00+02:00",
        "den 12.03 kl 16 - 20                             | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "12.03.2025 kl 22:00-02:00                        | 2025-03-12T22:00+01:00 | 2025-03-13T02:00+01:00",
        "28.03.2026 kl 22:00 - 29.03.2026 kl 06:00        | 2026-03-28T22:00+01:00 | 2026-03-29T06:00+02:00",
        "25.10.2025 kl 23:00 - 26.10.2025 kl 04:00        | 2025-10-25T23:00+02:00 | 2025-10-26T04:00+01:00",
        "12. mars kl. 08-10                               | 2025-03-12T08:00+01:00 | 2025-03-12T10:00+01:00",
        "1. mars kl 08-10                                 | 2026-03-01T08:00+01:00 | 2026-03-01T10:00+01:00",
        "i dag kl 20-22                                   | 2025-03-03T20:00+01:00 | 2025-03-03T22:00+01:00",
        "i morgen fra kl 07:00 til kl 09:30               | 2025-03-04T07:00+01:00 | 2025-03-04T09:30+01:00",
        "Start: 12.03.2025 kl 16:00\\nSlutt: 12.03.2025 kl 18:30 | 2025-03-12T16:00+01:00 | 2025-03-12T18:30+01:00",
        "Tidspunkt:\\n2025-03-12 16:00 - 2025-03-12 20:00  | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "fra kl 17 til kl 19 den 12.03.2025               | 2025-03-12T17:00+01:00 | 2025-03-12T19:00+01:00",
        "mellom kl 16.00 og 20.00 onsdag 12. mars         | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "12.03.2025 kl 16:00 til 24:00                    | 2025-03-12T16:00+01:00 | 2025-03-13T00:00+01:00",
        "onsdag 12.03 fra 16-20                           | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "12.03 16-20                                      | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "tirsdag 11.3 16:00-20:00                         | 2025-03-11T16:00+01:00 | 2025-03-11T20:00+01:00",
        "fra kl. 16.00 til ca. kl. 20.00 den 12.03.2025   | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "natt til torsdag 13. mars, fra kl 23:00 til kl 03:00 | 2025-03-12T23:00+01:00 | 2025-03-13T03:00+01:00",
        "natten til 13.03.2025 kl 01-05                   | 2025-03-13T01:00+01:00 | 2025-03-13T05:00+01:00",
        "Stopp mellom 16 og 20 onsdag 12.03.2025          | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "i morgen ettermiddag mellom kl 14 og 16          | 2025-03-04T14:00+01:00 | 2025-03-04T16:00+01:00",
        "Stopp 16-20 onsdag 12.03                         | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "Onsdag 12.03 kl 16 til 20                        | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "Stopp fra kl. 1600 til kl. 2000 den 12.03.2025   | 2025-03-12T16:00+01:00 | 2025-03-12T20:00+01:00",
        "Nedetid 12.03.2025, fra kl 16.00 og ut dagen     | 2025-03-12T16:00+01:00 | 2025-03-13T00:00+01:00",
        "Stopp 11.–12. mars kl 22-06                      | 2025-03-11T22:00+01:00 | 2025-03-12T06:00+01:00",
        "Oppgradering 11.-12. mars 2025 fra kl 08 til kl 16 | 2025-03-11T08:00+01:00 | 2025-03-12T16:00+01:00",
        "Stopp 11.–12. mars                               | 2025-03-11T00:00+01:00 | 2025-03-13T00:00+01:00",
    })
    void planned_windows_as_people_write_them(String text, String start, String end) {
        TimeWindow w = planned(text.replace("\\n", "\n"));
        assertThat(w.start()).map(Object::toString).hasValue(start.replace("+01:00", "+01:00[Europe/Oslo]").replace("+02:00", "+02:00[Europe/Oslo]"));
        assertThat(w.end()).map(Object::toString).hasValue(end.replace("+01:00", "+01:00[Europe/Oslo]").replace("+02:00", "+02:00[Europe/Oslo]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Feilen oppstod kl 09:30. Forventet løst kl 12.             | 2025-03-03T09:30 | 2025-03-03T12:00",
        "Feilen startet 02.03 kl 22:00. Normal drift ventes 03.03 kl 08:00. | 2025-03-02T22:00 | 2025-03-03T08:00",
        "Vi har hatt feil siden kl 07:15 i dag.                     | 2025-03-03T07:15 | ",
        "Feil fra 28.02 kl 14:00, vi vet ikke når det er løst.     | 2025-02-28T14:00 | ",
        "Feilen oppstod ca. kl. 14.30 i går. Vi regner med at den er rettet innen kl 16 i dag. | 2025-03-02T14:30 | 2025-03-03T16:00",
        "Problemet startet kl 10:20. Normal drift forventes fra kl 13:30. | 2025-03-03T10:20 | 2025-03-03T13:30",
        "Feil siden ca. kl. 07. ETA kl 15.                           | 2025-03-03T07:00 | 2025-03-03T15:00",
        "Feil siden kl 07. Nytt varsel sendes kl 12.                 | 2025-03-03T07:00 | ",
        "Ingen kvittering på meldinger sendt til dere siden 01.03.2025. | 2025-03-01T00:00 | ",
    })
    void incidents_begin_in_the_past_and_end_only_when_stated(String text, String start, String end) {
        TimeWindow w = incident(text);
        assertThat(w.start()).map(t -> t.toLocalDateTime().toString()).hasValue(start);
        if (end == null) {
            assertThat(w.end()).isEmpty();
        } else {
            assertThat(w.end()).map(t -> t.toLocalDateTime().toString()).hasValue(end);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Oppgraderingen varer i ca. 3 timer     | PT3H",
        "Beregnet nedetid: 30 minutter          | PT30M",
        "Forventet varighet 1,5 time            | PT1H30M",
        "Vi tar kontakt innen 2 timer           | ",
        "Arbeidet varer i 100 timer             | ",
    })
    void a_stated_duration_for_a_notice_without_an_end(String text, String duration) {
        assertThat(TimeTokens.duration(text).map(Object::toString).orElse(null)).isEqualTo(duration);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Ring 72 48 00 00 ved spørsmål",
        "Versjon 2.10 av programmet",
        "Saksnummer 2024/12345",
        "Perioden 2024-2025",
        "Arbeidet tar 3-4 timer",
        "Se side 2-3 i vedlegget",
    })
    void numbers_that_are_no_times_give_no_window(String text) {
        assertThat(planned(text).isEmpty()).isTrue();
    }
}
