package no.meldingsvakt.report;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * April 2026 through the real pipeline, on a clock the test moves: Easter (2, 3, 5 and 6 April)
 * and weekends between arrival and answer. Every number of the report is worked out by hand in
 * the comments and checked in the JSON; the CSV, the HTML and the charts are checked for what a
 * spreadsheet, a browser and a reader need. Business hours are the default 08:00–15:00, a reply is
 * due within one business day (7 business hours).
 */
class MonthlyReportTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KARI = "kari@hemit.test";
    private static final String OLA = "ola@nabokommune.test";
    private static final String HEMIT = "meldingsansvarlig@helse-midt.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    MailServer mail;
    Harness harness;
    MutableClock clock;

    @BeforeEach
    void start() {
        mail = MailServer.start(MAILBOX, Harness.PLO, Harness.NURSE, Harness.IT, Harness.LEADER, KARI, OLA, HEMIT, "noreply@leverandor.test");
        // The Sent folder exists before the service starts, as in any real mailbox: replies added to it later answer cases.
        mail.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(KARI).subject("Gammel sak").bytes());
        harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), "    report_to: [leder]\n"));
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.close();
    }

    private static Instant oslo(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(BusinessCalendar.OSLO).toInstant();
    }

    /** The message arrives now: the clock moves there and the server dates it so. */
    private void arrive(Instant at, Emails message, int processed) {
        clock.set(at);
        mail.append(MAILBOX, "INBOX", message.date(at).bytes(), Date.from(at));
        harness.awaitProcessed(processed, WAIT);
        harness.awaitIdleOutbox(WAIT);
    }

    private void answer(Instant at, Emails notice, String to) {
        clock.set(at);
        // The follow-up job (every 200 ms here) sees the new time before the reply does, as it would over a real night.
        MailServer.sleep(1_000);
        harness.awaitIdleOutbox(WAIT);
        String ref = caseOf(notice);
        mail.append(MAILBOX, "Sent", Emails.message().from(MAILBOX).to(to).subject("SV: Feil i meldingsutveksling")
                .header("In-Reply-To", notice.messageIdValue()).body("Vi ser på det.\n").date(at).bytes(), Date.from(at));
        long end = System.nanoTime() + WAIT.toNanos();
        while (harness.service().store().cases().get(ref).flatMap(CaseRecord::answeredAt).isEmpty() && System.nanoTime() < end) {
            MailServer.sleep(50);
        }
        assertThat(harness.service().store().cases().get(ref).flatMap(CaseRecord::answeredAt)).as("answered " + ref).hasValue(at);
    }

    private String caseOf(Emails notice) {
        return harness.service().store().cases().list("kommune", false).stream()
                .filter(c -> c.originalMessageId().equals(java.util.Optional.of(notice.messageIdValue()))).findFirst().orElseThrow().ref();
    }

    private OrganisationConfig org() {
        return harness.config().organisation("kommune").orElseThrow();
    }

    @Test
    void april_with_easter_in_figures_worked_out_by_hand() throws Exception {
        clock = new MutableClock(oslo(4, 1, 14, 0));
        harness.start(clock);
        // E1, Wed 1 April 14:00, on the form, nothing missing. Due: Wed 14-15 (1 h), Easter Thursday, Good Friday, the
        // weekend and Easter Monday are closed, so Tue 7 April 08:00 + 6 h = 14:00. Answered Tue 10:00: 1 h + 2 h = 3.0 h, in time.
        Emails e1 = Emails.errorNotice().from("Kari <" + KARI + ">").body("Telefonnummer for mottak av pasientrelaterte opplysninger ved"
                + " nedetid: 72 57 30 00\nTidspunkt hendelsen oppstod: 01.04.2026 kl. 13:30\nBerørt tjeneste: PLO\n"
                + "Når normal e-meldingskommunikasjon forventes å være på plass: 01.04.2026 kl. 18:00\n");
        arrive(oslo(4, 1, 14, 0), e1, 1);
        answer(oslo(4, 7, 10, 0), e1, KARI);
        // E2, Fri 10 April 14:30, no phone number and no expected end. Due: Fri 0.5 h + Mon 13 April 08:00 + 6.5 h = 14:30.
        // Answered Tue 14 April 09:00: 0.5 + 7 + 1 = 8.5 h, late.
        Emails e2 = Emails.errorNotice().from("Ola <" + OLA + ">").body("Tidspunkt hendelsen oppstod: 10.04.2026 kl. 14:00\nBerørt tjeneste: PLO\n");
        arrive(oslo(4, 10, 14, 30), e2, 2);
        // P1, Mon 13 April 10:00: a planned stop the next day 16:00-20:00 (4 h), with a day's notice instead of a week's.
        Emails p1 = Emails.message().from("Hemit <" + HEMIT + ">")
                .subject("Planlagt stopp/forsinkelse i meldingstrafikk St. Olavs hospital HF 14.04.2026 kl. 16:00-20:00")
                .body("Telefonnummer for mottak av pasientrelaterte opplysninger ved nedetid: 72 57 30 00\n"
                        + "Tidspunkt for nedetid: 14.04.2026 kl. 16:00-20:00\nBerørt tjeneste: PLO\n");
        arrive(oslo(4, 13, 10, 0), p1, 3);
        answer(oslo(4, 14, 9, 0), e2, OLA);
        // A1, Wed 15 April: an out-of-office reply (automatic, no notice, no deadline).
        arrive(oslo(4, 15, 9, 0), Emails.message().from("Leverandør <noreply@leverandor.test>").subject("Automatisk svar: Fraværende")
                .header("Auto-Submitted", "auto-replied").body("Jeg er borte til mandag.\n"), 4);
        // U1, Thu 16 April 09:00: an inquiry (unrecognised subject), due Fri 17 April 09:00, never answered.
        Emails u1 = Emails.inquiry();
        arrive(oslo(4, 16, 9, 0), u1, 5);

        clock.set(oslo(5, 6, 10, 0));
        MonthlyReport r = new ReportBuilder(harness.service().store(), clock).build(org(), ReportPeriod.month(YearMonth.of(2026, 4)));
        JsonNode j = JSON.readTree(ReportJson.of(r));
        JsonNode all = j.get("overall");
        assertThat(j.get("from").asText()).isEqualTo("2026-04-01");
        assertThat(j.get("to").asText()).isEqualTo("2026-04-30");
        assertThat(all.at("/notices/by_category/error").asInt()).isEqualTo(2);
        assertThat(all.at("/notices/by_category/planned").asInt()).isEqualTo(1);
        assertThat(all.at("/notices/by_category").size()).isEqualTo(2);
        assertThat(all.at("/notices/automatic").asInt()).isEqualTo(1);
        assertThat(all.at("/notices/unknown").asInt()).isEqualTo(1);
        assertThat(all.at("/deviations/no-phone").asInt()).isEqualTo(1);
        assertThat(all.at("/deviations/no-expected-end").asInt()).isEqualTo(1);
        assertThat(all.at("/deviations/late-notice").asInt()).isEqualTo(1);
        assertThat(all.at("/deviations").size()).as("nothing else: every downtime notice used the form").isEqualTo(3);
        JsonNode ours = all.get("ours");
        assertThat(ours.get("receipts_sent").asInt()).as("E1, E2 and U1; never for planned or automatic mail").isEqualTo(3);
        assertThat(ours.get("receipt_minutes_median").asDouble()).isZero();
        assertThat(ours.get("cases_decided").asInt()).isEqualTo(3);
        assertThat(ours.get("answered_in_time").asInt()).isEqualTo(1);
        assertThat(ours.get("share_in_time").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(ours.get("answer_business_hours_median").asDouble()).isEqualTo(3.0);
        assertThat(ours.get("answer_business_hours_p90").asDouble()).isEqualTo(8.5);
        // Reminders about a reply (default: 2 business hours before the due time, then every business day after it): E1 was answered
        // before Tue 12:00; E2 was seen overdue once (Tue 14 April 09:00, slot 1) before its answer; U1's are queued in May. The
        // planned stop's "begins tomorrow" reminder to staff is not about an answer and is not counted.
        assertThat(ours.get("reminders").asInt()).isEqualTo(1);
        assertThat(j.at("/partners/nabokommune.test/ours/reminders").asInt()).isEqualTo(1);
        assertThat(j.at("/partners/helse-midt.test/ours/reminders").asInt()).isZero();
        assertThat(ours.get("escalations").asInt()).as("no escalation configured").isZero();
        assertThat(all.at("/downtime/planned_hours").asDouble()).isEqualTo(4.0);
        assertThat(all.at("/downtime/incident_hours").asDouble()).as("E1 13:30-18:00; E2 has no end").isEqualTo(4.5);
        assertThat(all.at("/downtime/incidents_timed").asInt()).isEqualTo(1);
        assertThat(j.at("/at_end/open").asInt()).as("U1").isEqualTo(1);
        assertThat(j.at("/at_end/overdue").asInt()).isEqualTo(1);
        assertThat(j.at("/at_end/quarantined").asInt()).isZero();
        assertThat(j.at("/at_end/bounced").asInt()).isZero();

        JsonNode nabo = j.at("/partners/nabokommune.test");
        assertThat(nabo.at("/notices/by_category/error").asInt()).isEqualTo(1);
        assertThat(nabo.at("/notices/unknown").asInt()).isEqualTo(1);
        assertThat(nabo.at("/ours/cases_decided").asInt()).isEqualTo(2);
        assertThat(nabo.at("/ours/answered_in_time").asInt()).isZero();
        assertThat(nabo.at("/ours/answer_business_hours_median").asDouble()).isEqualTo(8.5);
        assertThat(j.at("/partners/hemit.test/ours/answered_in_time").asInt()).isEqualTo(1);
        assertThat(j.at("/partners/helse-midt.test/deviations/late-notice").asInt()).isEqualTo(1);
        assertThat(j.at("/partners/helse-midt.test/downtime/planned_hours").asDouble()).isEqualTo(4.0);

        List<String> deviations = new java.util.ArrayList<>();
        j.get("deviations").forEach(d -> deviations.add(d.get("side").asText() + ":" + d.get("kind").asText() + ":" + d.get("case").asText()));
        assertThat(deviations).containsExactlyInAnyOrder("partner:no-phone:" + caseOf(e2), "partner:no-expected-end:" + caseOf(e2),
                "partner:late-notice:" + caseOf(p1), "us:answered-late:" + caseOf(e2), "us:not-answered:" + caseOf(u1));
        JsonNode april = j.get("answered_in_time_by_month").get(11);
        assertThat(april.get("month").asText()).isEqualTo("2026-04");
        assertThat(april.get("decided").asInt()).isEqualTo(3);
        assertThat(j.get("answered_in_time_by_month").get(0).get("month").asText()).isEqualTo("2025-05");

        // The CSV: BOM, RFC 4180 lines, one per case of the period, Norwegian decimal comma (quoted, so that a reader that guesses
        // the comma as separator still sees one field).
        byte[] csv = ReportCsv.of(r);
        assertThat(new byte[] {csv[0], csv[1], csv[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<String> lines = List.of(text.split("\r\n", -1));
        assertThat(lines.get(lines.size() - 1)).as("ends with CRLF").isEmpty();
        assertThat(lines.get(0)).isEqualTo("sak;mottatt;kategori;partner;frist;besvart;besvart i tide;svartid (arbeidstimer);avvik");
        assertThat(lines).hasSize(1 + r.cases().size() + 1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(caseOf(e2) + ";2026-04-10 14:30;error;nabokommune.test;2026-04-13 14:30;"
                + "2026-04-14 09:00;nei;\"8,50\";\"Mangler telefonnummer for pasientrelatert informasjon, Mangler når"));
        assertThat(text).doesNotContain("\n\n");

        // The HTML is well-formed XML, and the charts are real pictures.
        byte[] answered = Charts.answeredInTime(r.last12());
        byte[] partners = Charts.perPartner(r.byPartner());
        String html = ReportHtml.of(r, ReportHtml.Images.inline(answered, partners));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        assertThat(f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("img")
                .getLength()).isEqualTo(2);
        assertThat(html).contains("1 av 3").contains("april 2026").contains(caseOf(p1));
        for (byte[] png : List.of(answered, partners)) {
            assertThat(png.length).isGreaterThan(5_000);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
            Set<Integer> colours = new HashSet<>();
            for (int x = 0; x < img.getWidth(); x += 3) {
                for (int y = 0; y < img.getHeight(); y += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours.size()).as("more than a blank canvas").isGreaterThan(10);
        }
    }

    @Test
    void the_monthly_mail_goes_once_when_the_service_was_down_over_the_first_business_day() throws Exception {
        clock = new MutableClock(oslo(4, 30, 10, 0));
        harness.start(clock);
        arrive(oslo(4, 30, 10, 0), Emails.errorNotice().from("Kari <" + KARI + ">"), 1);
        // Saturday 2 May: 1 May is a holiday and the weekend follows; the first business day is Monday 4 May.
        clock.set(oslo(5, 2, 10, 0));
        MailServer.sleep(1_000);
        assertThat(reports(Harness.LEADER)).isEmpty();
        harness.stop();
        // Down over Monday; back on Wednesday 6 May.
        clock.set(oslo(5, 6, 10, 0));
        harness.start(clock);
        long end = System.nanoTime() + WAIT.toNanos();
        while (reports(Harness.LEADER).isEmpty() && System.nanoTime() < end) {
            MailServer.sleep(100);
        }
        harness.awaitIdleOutbox(WAIT);
        harness.stop();
        harness.start(clock);
        MailServer.sleep(1_500);
        harness.awaitIdleOutbox(WAIT);
        List<jakarta.mail.internet.MimeMessage> got = reports(Harness.LEADER);
        assertThat(got).hasSize(1);
        assertThat(reports(Harness.PLO)).as("the other address of the leder list").hasSize(1);
        jakarta.mail.internet.MimeMessage m = got.get(0);
        assertThat(m.getSubject()).isEqualTo("[Meldingsvakt] Månedsrapport april 2026 – Testkommune");
        String raw = new String(m.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        m.writeTo(all);
        String whole = all.toString(StandardCharsets.UTF_8);
        assertThat(whole).contains("multipart/related").contains("Content-ID: <besvart@meldingsvakt>").contains("image/png")
                .contains("filename=meldingsvakt-kommune-2026-04.csv").contains("Auto-Submitted: auto-generated");
        assertThat(raw).isNotEmpty();
        assertThat(no.meldingsvakt.store.Rows.query(harness.service().store(), "SELECT count(*) FROM outbox WHERE kind='monthly-report'").get(0)[0])
                .isEqualTo("2");
    }

    private List<jakarta.mail.internet.MimeMessage> reports(String address) {
        return mail.inbox(address).stream().filter(x -> {
            try {
                return x.getSubject() != null && x.getSubject().startsWith("[Meldingsvakt] Månedsrapport");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
