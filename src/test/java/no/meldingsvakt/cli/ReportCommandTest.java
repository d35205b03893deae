package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} as a coordinator runs it beside the service: the same numbers in every format, and plain words for a wrong call. */
class ReportCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void report_reads_the_store_while_the_service_runs_in_json_csv_and_html(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start(Emails.MAILBOX, Harness.PLO, Harness.NURSE, Harness.IT, Harness.LEADER, "kari@hemit.test");
                Harness h = new Harness(dir, mail.imapPort(), mail.smtpPort())) {
            h.start();
            mail.send(Emails.errorNotice().from("kari@hemit.test").bytes(), Emails.MAILBOX);
            mail.send(Emails.message().from("kari@hemit.test").subject("Planlagt stopp i meldingstrafikk").bytes(), Emails.MAILBOX);
            h.awaitProcessed(2, WAIT);
            h.awaitIdleOutbox(WAIT);
            String config = dir.resolve("meldingsvakt.yaml").toString();
            String month = YearMonth.now(BusinessCalendar.OSLO).toString();

            Captured json = Captured.run("report", "--config", config, "--month", month, "--format", "json");
            assertThat(json.status()).as(json.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(json.out());
            assertThat(j.at("/overall/notices/by_category/error").asInt()).isEqualTo(1);
            assertThat(j.at("/overall/notices/by_category/planned").asInt()).isEqualTo(1);
            assertThat(j.at("/overall/ours/receipts_sent").asInt()).as("the error notice only").isEqualTo(1);
            assertThat(j.at("/partners/hemit.test/notices/by_category/error").asInt()).isEqualTo(1);

            Path csv = dir.resolve("r.csv");
            Captured c = Captured.run("report", "--config", config, "--month", month, "--format", "csv", "--out", csv.toString());
            assertThat(c.status()).as(c.err()).isZero();
            assertThat(c.err()).contains("report: kommune").contains("written to " + csv);
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFsak;mottatt;kategori").contains(";error;hemit.test;").contains(";planned;hemit.test;");
            assertThat(text.split("\r\n")).hasSize(3);

            Captured html = Captured.run("report", "--config", config, "--from", month + "-01", "--to", YearMonth.parse(month).atEndOfMonth().toString());
            assertThat(html.status()).as(html.err()).isZero();
            assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("data:image/png;base64,").contains("Testkommune");
        }
    }

    @Test
    void a_wrong_call_is_told_in_plain_words(@TempDir Path dir) throws Exception {
        String config = dir.resolve("meldingsvakt.yaml").toString();
        Files.writeString(dir.resolve("meldingsvakt.yaml"), Harness.yaml(dir, 1143, 1025, ""));
        assertThat(Captured.run("report", "--config", config, "--month", "2026-13").err()).contains("report: Text '2026-13' could not be parsed");
        assertThat(Captured.run("report", "--config", config, "--from", "2026-03-01").err()).contains("give --from and --to together");
        assertThat(Captured.run("report", "--config", config, "--format", "pdf").err()).contains("--format must be html, csv or json");
        assertThat(Captured.run("report", "--config", config, "--organisation", "andeby").err()).contains("one of [kommune]");
        Captured none = Captured.run("report", "--config", config, "--month", "2026-03");
        assertThat(none.status()).isNotZero();
        assertThat(none.err()).as("no store yet").isNotBlank();
    }
}
