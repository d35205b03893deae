package no.meldingsvakt.cli;

import no.meldingsvakt.store.Rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static Captured run(String... args) {
        return Captured.run(args);
    }

    @Test
    void check_config_refuses_a_broken_file_with_exit_status_2_and_the_line(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "store: {path: x.db}\norganisations:\n  - id: a\n    adress: m@a.test\n");
        Captured c = run("check-config", f.toString());
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains(f + ":4:5: organisations[0].adress: unknown key");
    }

    @Test
    void run_refuses_to_start_on_a_broken_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "organisations: []\n");
        Captured c = run("run", "--config", f.toString());
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains("Refusing to start").contains("must list at least one organisation");
    }

    @Test
    void demo_processes_every_sample_and_reports_it(@TempDir Path dir) {
        Captured c = run("demo", "--smtp-port", "0", "--imap-port", "0", "--web-port", "0", "--dir", dir.toString(), "--exit-after", "0");
        assertThat(c.status()).as("demo output:\n" + c.out() + "\n" + c.err()).isZero();
        assertThat(c.out()).contains("category planned, case MV-").contains("receipt: policy: no receipt for planned")
                .contains("category error").contains("category automatic (automatic: Auto-Submitted: auto-replied)")
                .contains("Planlagt julebord - feil dato i invitasjonen\n      category unknown")
                .contains("Oppdatering av kontaktinformasjon for meldingsansvarlig\n      category unknown")
                .contains("receipt: sender not authenticated: dmarc=fail for helse-midt.test");
        assertThat(c.out()).containsPattern("plo@demo-kommune.no\\s+5 message\\(s\\)")
                .containsPattern("console: http://127\\.0\\.0\\.1:\\d+/ \\(user demo, password demo\\)")
                .containsPattern("calendar: http://127\\.0\\.0\\.1:\\d+/kalender/demo-kommune/[A-Za-z0-9_-]{43}\\.ics")
                .containsPattern("report: http://127\\.0\\.0\\.1:\\d+/rapport\\?maned=\\d{4}-\\d{2} ");
    }

    @Test
    void check_config_connect_logs_in_and_names_what_fails(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start("meldingsansvarlig@kommune.test", "meldingsansvarlig@annen.test")) {
            Files.writeString(dir.resolve("good"), MailServer.PASSWORD);
            Files.writeString(dir.resolve("bad"), "wrong");
            String org = """
                      - id: %s
                        address: meldingsansvarlig@%s.test
                        password_file: %s
                        imap: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                        smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                        lists: {drift: [drift@%s.test]}
                        fallback_lists: [drift]
                        trust: none
                    """;
            Path f = dir.resolve("c.yaml");
            Files.writeString(f, "store: {path: " + dir.resolve("s.db") + "}\norganisations:\n"
                    + org.formatted("kommune", "kommune", dir.resolve("good"), mail.imapPort(), mail.smtpPort(), "kommune")
                    + org.formatted("annen", "annen", dir.resolve("bad"), mail.imapPort(), mail.smtpPort(), "annen"));
            Captured c = run("check-config", "--connect", f.toString());
            assertThat(c.status()).isEqualTo(1);
            assertThat(c.out()).contains("ok    kommune: IMAP 127.0.0.1:" + mail.imapPort() + " (plain) as meldingsansvarlig@kommune.test: OK, IDLE, MOVE; "
                    + "INBOX has 0 message(s); Meldingsvakt.Behandlet will be created; Meldingsvakt.Karantene will be created");
            assertThat(c.out()).contains("ok    kommune: SMTP 127.0.0.1:" + mail.smtpPort());
            assertThat(c.out()).contains("FAIL  annen: IMAP 127.0.0.1:" + mail.imapPort() + " (plain) as meldingsansvarlig@annen.test: login refused by the server");
            assertThat(c.out()).doesNotContain(MailServer.PASSWORD).doesNotContain("wrong");
        }
    }

    @Test
    void status_shows_open_alerts_and_exits_1_without_needing_the_secrets(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("s.db");
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "store: {path: " + db + "}\norganisations:\n  - id: kommune\n    address: m@kommune.test\n"
                + "    password_env: NOT_SET_IN_THIS_SHELL\n    imap: {host: imap.kommune.test}\n    smtp: {host: smtp.kommune.test}\n"
                + "    lists: {drift: [drift@kommune.test]}\n    fallback_lists: [drift]\n    trust: none\n");
        try (Database d = Database.open(db)) {
            Store s = Store.of(d, Clock.systemUTC());
            s.alerts().saveHealth("kommune", "test-instance", Optional.of(Instant.now().minusSeconds(900)), Optional.empty(), Optional.of("Connection refused"), Optional.empty());
            s.alerts().sent("kommune", "unwatched", Instant.now().minusSeconds(300), "ikke bekreftet overvåket", List.of());
        }
        Captured c = run("status", "--config", f.toString());
        assertThat(c.status()).isEqualTo(1);
        assertThat(c.out()).contains("watched:  15 min ago").contains("last error: Connection refused")
                .contains("ALERT:    unwatched since").contains("(1 alert(s) sent)");
    }

    @Test
    void classify_prints_one_json_line_per_file_and_goes_on_past_an_unreadable_one(@TempDir Path dir) throws Exception {
        Path notice = Path.of("src/test/resources/corpus/planned-outlook-plain.eml");
        Path junk = dir.resolve("junk.eml");
        Files.writeString(junk, "\u0000\u0001 this is not mail");
        Captured c = run("classify", "--mailbox", "meldingsansvarlig@orkland.kommune.no",
                dir.resolve("missing.eml").toString(), notice.toString(), junk.toString());
        String[] lines = c.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("\"error\":\"cannot read file");
        assertThat(lines[1]).startsWith("{\"file\":\"planned-outlook-plain.eml\",\"messageId\":\"<p1@helse-midt.no>\",\"category\":\"planned\",\"receipt\":false,"
                + "\"organisation\":\"St. Olavs hospital HF\",\"sender\":\"meldingsansvarlig@helse-midt.no\",\"forwardedBy\":null,"
                + "\"windowStart\":\"2025-03-12T16:00+01:00\",\"windowEnd\":\"2025-03-12T20:00+01:00\",\"phone\":\"+4772820000\","
                + "\"services\":[\"PLO\",\"epikrise\",\"lab\"],\"routes\":[\"fallback\"],\"problems\":[]");
        assertThat(lines[2]).contains("\"error\":\"would be quarantined");
        assertThat(c.status()).as("non-zero only because one file could not be read at all").isEqualTo(1);
        assertThat(run("classify", notice.toString()).status()).isZero();
    }

    @Test
    void classify_detects_a_loop_from_the_named_mailbox() {
        Captured c = run("classify", "--mailbox", "meldingsansvarlig@orkland.kommune.no", "src/test/resources/corpus/auto-loop-from-self.eml");
        assertThat(c.out()).contains("\"category\":\"automatic\"").contains("\"receipt\":false");
        assertThat(run("classify", "src/test/resources/corpus/auto-loop-from-self.eml").out()).contains("\"category\":\"error\"");
    }

    @Test
    void calendar_prints_holidays_and_business_deadlines() {
        Captured h = run("calendar", "holidays", "2026");
        assertThat(h.status()).isZero();
        assertThat(h.out().strip().split("\n")).hasSize(12).contains("2026-04-02 Skjærtorsdag", "2026-05-17 Grunnlovsdag", "2026-12-26 2. juledag");
        Captured d = run("calendar", "deadline", "--from", "2026-04-01T14:00", "--within", "1 business day");
        assertThat(d.out().strip()).isEqualTo("2026-04-07T14:00+02:00");
        assertThat(run("calendar", "deadline", "--from", "1. april", "--within", "1 business day").status()).isEqualTo(2);
    }

    @Test
    void calendar_uses_the_organisations_hours_from_the_config(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, """
                organisations:
                  - id: org
                    address: meldingsansvarlig@org.test
                    password_env: PW
                    imap: {host: imap.org.test}
                    smtp: {host: smtp.org.test}
                    lists: {drift: [drift@org.test]}
                    fallback_lists: [drift]
                    trust: none
                    business_hours: {start: "09:00", end: "16:00", half_days: {"12-23": "12:00"}}
                """);
        assertThat(run("calendar", "--config", f.toString(), "deadline", "--from", "2026-03-11T17:00", "--within", "1 business day").out().strip())
                .isEqualTo("2026-03-12T16:00+01:00");
    }

    @Test
    void cases_lists_open_cases_and_closes_one_with_a_note(@TempDir Path dir) {
        try (no.meldingsvakt.testing.MailWorld world = no.meldingsvakt.testing.MailWorld.start(dir, "", "kari@hemit.test")) {
            world.mail.send(no.meldingsvakt.testing.Emails.errorNotice().from("kari@hemit.test").bytes(), no.meldingsvakt.testing.Emails.MAILBOX);
            world.harness.awaitProcessed(1, java.time.Duration.ofSeconds(15));
            String ref = Rows.query(world.harness.service().store(), "SELECT ref FROM cases").get(0)[0];
            String config = world.harness.config().source().toString();

            Captured open = run("cases", "--config", config, "list", "--open");
            assertThat(open.status()).isZero();
            assertThat(open.out()).contains(ref).contains("error").contains("Feil i meldingsutveksling").contains("<kari@hemit.test>");
            assertThat(run("cases", "--config", config, "list", "--overdue").out()).as("due tomorrow").doesNotContain(ref);

            Captured close = run("cases", "--config", config, "close", ref, "--note", "Ringte Kari");
            assertThat(close.status()).isZero();
            assertThat(run("cases", "--config", config, "list", "--open").out()).doesNotContain(ref);
            assertThat(run("cases", "--config", config, "list").out()).contains(ref).contains("closed").contains("note: Ringte Kari");
            assertThat(run("cases", "--config", config, "close", ref, "--note", "igjen").status()).isEqualTo(1);
            assertThat(Rows.query(world.harness.service().store(), "SELECT detail FROM audit WHERE event='closed'").get(0)[0]).isEqualTo("Ringte Kari");
        }
    }
}
