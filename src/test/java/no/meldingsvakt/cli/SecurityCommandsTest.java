package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import no.meldingsvakt.app.MeldingsvaktService;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line shows of issue 10: classify's trust fields and its speed on a hostile
 * forward, check-config's trust line, one `run` per store, and read-only commands that never
 * create a store.
 */
class SecurityCommandsTest {
    private static final String CONFIG = """
            store: {path: %s}
            organisations:
              - id: kommune
                address: meldingsansvarlig@kommune.test
                password_file: %s
                imap: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                lists: {it: [it@kommune.test]}
                fallback_lists: [it]
                trust: %s
            """;

    @Test
    void classify_prints_whether_the_sender_is_authenticated_where_a_receipt_would_go_and_whether_it_is_a_staff_reply(@TempDir Path dir)
            throws Exception {
        Path config = config(dir, 1, 1, "{authserv_ids: [mx.kommune.test]}");
        Path genuine = eml(dir, "genuine.eml", "Authentication-Results: mx.kommune.test; dmarc=pass header.from=hemit.test\r\n"
                + "From: Kari <kari@hemit.test>\r\nReply-To: victim@third-party.test\r\nSubject: Feil i meldingsutveksling\r\n"
                + "Message-ID: <g@hemit.test>\r\n\r\nMeldinger kommer ikke fram.\r\n");
        Path forged = eml(dir, "forged.eml", "From: IT <it@kommune.test>\r\nSubject: SV: Feil i meldingsutveksling\r\n"
                + "In-Reply-To: <mv.0123456789abcdef0123456789abcdef@kommune.test>\r\nMessage-ID: <f@evil.test>\r\n\r\nKlikk her.\r\n");
        Captured c = Captured.run("classify", "--config", config.toString(), genuine.toString(), forged.toString());
        assertThat(c.status()).as(c.err()).isZero();
        String[] lines = c.out().strip().split("\n");
        assertThat(lines[0]).contains("\"authenticated\":true").contains("\"receiptTo\":\"kari@hemit.test\"").contains("\"staffReply\":false");
        assertThat(lines[1]).contains("\"authenticated\":false").contains("\"receiptTo\":null").contains("\"staffReply\":false");

        Path none = config(dir.resolve("none"), 1, 1, "none");
        Captured unchecked = Captured.run("classify", "--config", none.toString(), forged.toString());
        assertThat(unchecked.out()).contains("\"authenticated\":null").contains("\"staffReply\":true");
    }

    @Test
    void a_hostile_forward_with_a_300000_character_from_line_is_read_in_under_two_seconds(@TempDir Path dir) throws Exception {
        String fra = "Fra: " + "a".repeat(300_000) + "\r\n";
        Path hostile = eml(dir, "hostile.eml", "From: Mallory <mallory@evil.test>\r\nSubject: VS: Feil i meldingsutveksling\r\n"
                + "Message-ID: <h@evil.test>\r\n\r\n-----Opprinnelig melding-----\r\n" + fra + "Emne: Feil i meldingsutveksling\r\n\r\nTekst\r\n");
        Captured.run("classify", hostile.toString()); // JVM and class loading warmed up, as in a running service
        long start = System.nanoTime();
        Captured c = Captured.run("classify", hostile.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("classify of a 300 000-character Fra: line: " + millis + " ms");
        assertThat(c.status()).as(c.err()).isZero();
        assertThat(c.out()).contains("\"category\":\"error\"");
        assertThat(millis).as("was quadratic: 258 s").isLessThan(2_000);
    }

    @Test
    void check_config_reports_each_organisations_trust_and_warns_about_none(@TempDir Path dir) throws Exception {
        Captured c = Captured.run("check-config", config(dir, 1, 1, "none").toString());
        assertThat(c.status()).isZero();
        assertThat(c.out()).contains("Trust: none").contains("WARNING: kommune has trust: none");
        Captured t = Captured.run("check-config", config(dir.resolve("t"), 1, 1, "{authserv_ids: [mx.kommune.test]}").toString());
        assertThat(t.out()).contains("Trust: authserv-id mx.kommune.test, requires DMARC pass; own domains kommune.test").doesNotContain("WARNING");
    }

    @Test
    void a_config_without_trust_is_refused_with_the_line_and_what_to_write(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(dir.resolve("pw"), MailServer.PASSWORD);
        Files.writeString(f, CONFIG.formatted(dir.resolve("s.db"), dir.resolve("pw"), 1, 1, "x").replace("    trust: x\n", ""));
        Captured c = Captured.run("check-config", f.toString());
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains(f + ":3:5: organisations[0].trust: missing required key: give trust: {authserv_ids:");
    }

    @Test
    void a_second_run_on_the_same_store_exits_2_naming_the_holder(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start("meldingsansvarlig@kommune.test", "it@kommune.test")) {
            Path config = config(dir, mail.imapPort(), mail.smtpPort(), "none");
            Harness first = new Harness(dir, Files.readString(config), Map.of());
            MeldingsvaktService running = first.start(Clock.systemUTC());
            try {
                Captured second = Captured.run("run", "--config", config.toString());
                assertThat(second.status()).isEqualTo(2);
                assertThat(second.err()).contains("Refusing to start").contains("is in use by another Meldingsvakt")
                        .contains("PID " + ProcessHandle.current().pid());
            } finally {
                running.stop();
            }
            // The lock goes with the service that held it.
            MeldingsvaktService again = new Harness(dir, Files.readString(config), Map.of()).start(Clock.systemUTC());
            again.stop();
        }
    }

    @Test
    void status_and_cases_list_on_a_missing_store_exit_2_and_create_nothing(@TempDir Path dir) throws Exception {
        Path config = config(dir, 1, 1, "none");
        Path store = dir.resolve("store.db");
        for (String[] args : new String[][] {{"status", "--config", config.toString()}, {"cases", "--config", config.toString(), "list"}}) {
            Captured c = Captured.run(args);
            assertThat(c.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(c.err()).contains("no store at " + store.toAbsolutePath());
        }
        assertThat(Files.exists(store)).isFalse();
    }

    private static Path config(Path dir, int imap, int smtp, String trust) throws Exception {
        Files.createDirectories(dir);
        Path f = dir.resolve("meldingsvakt.yaml");
        Files.writeString(dir.resolve("pw"), MailServer.PASSWORD);
        Files.writeString(f, CONFIG.formatted(dir.resolve("store.db"), dir.resolve("pw"), imap, smtp, trust));
        return f;
    }

    private static Path eml(Path dir, String name, String raw) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, raw.getBytes(StandardCharsets.UTF_8));
        return f;
    }
}
