package no.meldingsvakt.metrics;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.meldingsvakt.testing.ConsoleFixture;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} scraped by a Prometheus with its bearer token, before and after notices arrive. */
class MetricsEndpointTest {
    private static final String TOKEN = "prometheus-token-123";
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    MailServer mail;
    Harness harness;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        mail = MailServer.start(MAILBOX, Harness.PLO, Harness.NURSE, Harness.IT, Harness.LEADER, "kari@hemit.test", "meldingsansvarlig@helse-midt.test");
        harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), ConsoleFixture.yaml("  metrics_token_env: MV_METRICS\n")),
                Map.of("MV_METRICS", TOKEN));
        harness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
        mail.close();
    }

    @Test
    void counters_move_by_what_arrived_and_gauges_read_the_store() throws Exception {
        String before = scrape();
        assertThat(value(before, "meldingsvakt_notices_total{category=\"error\"}")).isEqualTo(0);
        assertThat(before).contains("meldingsvakt_mailbox_last_watched_timestamp_seconds{mailbox=\"kommune\"}").contains("jvm_memory_used_bytes");

        Emails error = Emails.errorNotice().from("Kari <kari@hemit.test>");
        mail.send(error.bytes(), MAILBOX);
        mail.send(Emails.errorNotice().from("Kari <kari@hemit.test>").subject("Feil i meldingsutveksling igjen").bytes(), MAILBOX);
        mail.send(Emails.plannedNotice().bytes(), MAILBOX);
        mail.send(error.bytes(), MAILBOX); // the same mail again: a duplicate, not a notice
        harness.awaitProcessed(4, WAIT);
        harness.awaitIdleOutbox(WAIT);
        Thread.sleep(5_100); // the store gauges are read at most every 5 s

        String after = scrape();
        assertThat(value(after, "meldingsvakt_notices_total{category=\"error\"}")).isEqualTo(2);
        assertThat(value(after, "meldingsvakt_notices_total{category=\"planned\"}")).isEqualTo(1);
        assertThat(value(after, "meldingsvakt_processing_seconds_count")).isEqualTo(3);
        assertThat(after).contains("meldingsvakt_processing_seconds_bucket{le=");
        int cases = harness.service().store().cases().list("kommune", true).size();
        assertThat(cases).isPositive();
        assertThat(value(after, "meldingsvakt_cases_open")).isEqualTo(cases);
        assertThat(value(after, "meldingsvakt_cases_overdue")).isZero();
        assertThat(value(after, "meldingsvakt_outbox_pending")).isZero();
        assertThat(value(after, "meldingsvakt_alerts_open")).isZero();
        assertThat(value(after, "meldingsvakt_smtp_failures_total")).isZero();
    }

    @Test
    void metrics_need_the_bearer_token() throws Exception {
        String url = harness.service().console().orElseThrow().baseUrl() + "/metrics";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private String scrape() throws Exception {
        String url = harness.service().console().orElseThrow().baseUrl() + "/metrics";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** A sample's value; a counter never incremented is not printed at all and counts as 0. */
    private static double value(String scrape, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
