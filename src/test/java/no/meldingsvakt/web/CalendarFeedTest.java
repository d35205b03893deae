package no.meldingsvakt.web;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.testing.ConsoleFixture;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downtime calendar as a subscriber sees it, read by ical4j and, independently, by biweekly:
 * one event per planned window and open incident, the same UID when the window moves but a higher
 * SEQUENCE, and CANCELLED once the partner calls the stop off.
 */
class CalendarFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String HEMIT = "meldingsansvarlig@helse-midt.test";
    @TempDir
    Path dir;
    MailWorld world;
    String feedUrl;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, ConsoleFixture.yaml(""), HEMIT, "kari@hemit.test");
        feedUrl = world.harness.service().console().orElseThrow().calendarUrl("kommune");
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void a_planned_window_moves_with_a_higher_sequence_and_is_cancelled_when_called_off() throws Exception {
        LocalDate day = LocalDate.now(BusinessCalendar.OSLO).plusDays(10);
        Emails planned = Emails.message().from("Hemit <" + HEMIT + ">")
                .subject("Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF " + DAY.format(day) + " kl. 16:00-20:00")
                .body("Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 57 30 00\n"
                        + "Tidspunkt for nedetid: " + DAY.format(day) + " kl. 16:00-20:00\nBerørt tjeneste: PLO og helsestasjon\n");
        world.mail.send(planned.bytes(), MAILBOX);
        world.harness.awaitProcessed(1, WAIT);
        String ref = only().ref();

        Feed first = read();
        assertThat(first.uids()).containsExactly(ref + "@meldingsvakt");
        VEvent e = first.biweekly().getEvents().get(0);
        assertThat(e.getSequence().getValue()).isZero();
        assertThat(e.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(e.getSummary().getValue()).startsWith("Nedetid: Hemit – ").contains("PLO");
        assertThat(e.getDescription().getValue()).contains("72573000").contains("/saker/" + ref);
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(day.atTime(16, 0).atZone(BusinessCalendar.OSLO).toInstant());
        assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(day.atTime(20, 0).atZone(BusinessCalendar.OSLO).toInstant());

        LocalDate moved = day.plusDays(1);
        world.mail.send(Emails.message().from("Hemit <" + HEMIT + ">").subject("SV: Planlagt stopp/forsinkelse i meldingstrafikk")
                .header("In-Reply-To", planned.messageIdValue()).body("Stoppen flyttes til " + DAY.format(moved) + " kl. 17:00-21:00.\n").bytes(),
                MAILBOX);
        world.harness.awaitProcessed(2, WAIT);
        Feed second = read();
        assertThat(second.uids()).containsExactly(ref + "@meldingsvakt");
        VEvent m = second.biweekly().getEvents().get(0);
        assertThat(m.getSequence().getValue()).isEqualTo(1);
        assertThat(m.getDateStart().getValue().toInstant()).isEqualTo(moved.atTime(17, 0).atZone(BusinessCalendar.OSLO).toInstant());
        assertThat(second.ical4jSequence()).containsExactly("1");

        world.mail.send(Emails.message().from("Hemit <" + HEMIT + ">").subject("SV: Planlagt stopp/forsinkelse i meldingstrafikk")
                .header("In-Reply-To", planned.messageIdValue()).body("Den planlagte stoppen er avlyst.\n").bytes(), MAILBOX);
        world.harness.awaitProcessed(3, WAIT);
        awaitClosed(ref);
        Feed third = read();
        VEvent c = third.biweekly().getEvents().get(0);
        assertThat(c.getUid().getValue()).isEqualTo(ref + "@meldingsvakt");
        assertThat(c.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(c.getSequence().getValue()).isEqualTo(2);
        assertThat(third.ical4jStatus()).containsExactly("CANCELLED");
    }

    @Test
    void an_open_incident_is_an_event_with_the_phone_number_until_it_is_closed() throws Exception {
        ZonedDateTime started = ZonedDateTime.now(BusinessCalendar.OSLO).minusHours(1).withSecond(0).withNano(0);
        world.mail.send(Emails.errorNotice().from("Kari <kari@hemit.test>").body("Telefonnummer for mottak av pasientrelaterte opplysninger ved"
                + " nedetid: 73 86 80 00\nTidspunkt hendelsen oppstod: " + DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").format(started)
                + "\nBerørt tjeneste: PLO\n").bytes(), MAILBOX);
        world.harness.awaitProcessed(1, WAIT);
        String ref = only().ref();
        VEvent e = read().biweekly().getEvents().get(0);
        assertThat(e.getUid().getValue()).isEqualTo(ref + "@meldingsvakt");
        assertThat(e.getDescription().getValue()).contains("Telefon for pasientinformasjon: +4773868000");
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(started.toInstant());
        assertThat(e.getDateEnd().getValue().toInstant()).as("no expected end: shown as going on").isAfter(Instant.now());

        world.harness.service().store().cases().close(ref, "løst");
        assertThat(read().uids()).isEmpty();
    }

    private CaseRecord only() {
        List<CaseRecord> cases = world.harness.service().store().cases().list("kommune", false);
        assertThat(cases).hasSize(1);
        return cases.get(0);
    }

    private void awaitClosed(String ref) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!world.harness.service().store().cases().get(ref).map(CaseRecord::status).orElse("").equals("closed") && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
    }

    private Feed read() throws Exception {
        var r = new ConsoleClient("").get(feedUrl);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/calendar"));
        ICalendar b = Biweekly.parse(r.body()).first();
        Calendar c = new CalendarBuilder().build(new StringReader(r.body()));
        return new Feed(b, c);
    }

    record Feed(ICalendar biweekly, Calendar ical4j) {
        List<String> uids() {
            List<String> a = biweekly.getEvents().stream().map(e -> e.getUid().getValue()).toList();
            List<String> b = ical4j.getComponents(Component.VEVENT).stream().map(e -> ((Component) e).getProperty("UID").map(p -> p.getValue())
                    .orElse("")).toList();
            assertThat(b).as("ical4j reads the same events").isEqualTo(a);
            return a;
        }

        List<String> ical4jSequence() {
            return prop("SEQUENCE");
        }

        List<String> ical4jStatus() {
            return prop("STATUS");
        }

        private List<String> prop(String name) {
            return ical4j.getComponents(Component.VEVENT).stream().map(e -> ((Component) e).getProperty(name).map(p -> p.getValue())
                    .orElse("")).toList();
        }
    }
}
