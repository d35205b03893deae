package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.StoreException;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12's command line, as an operator uses it: config checks anywhere, JSON, backup, upgrades. */
class OperatorCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void check_config_of_the_example_passes_on_a_machine_without_its_secrets_and_connect_refuses() {
        Captured c = Captured.run("check-config", "config.example.yaml");
        assertThat(c.status()).as(c.err()).isZero();
        assertThat(c.out()).contains("WARNING: config.example.yaml:").contains("password_env: environment variable ORKLAND_MAIL_PASSWORD is not set here");
        Captured same = Captured.run("check-config", "--config", "config.example.yaml");
        assertThat(same.status()).isZero();
        Captured connect = Captured.run("check-config", "--connect", "--config", "config.example.yaml");
        assertThat(connect.status()).isEqualTo(2);
        assertThat(connect.err()).contains("environment variable ORKLAND_MAIL_PASSWORD is not set");
    }

    @Test
    void a_misspelt_key_is_one_error_with_a_suggestion_and_yaml_mistakes_are_told_in_plain_words(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, valid(dir).replace("    imap: {host: imap.kommune.test}", "    imap: {hots: imap.kommune.test}"));
        Captured c = Captured.run("check-config", f.toString());
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err()).contains("has 1 error(s)").contains("organisations[0].imap.hots: unknown key: did you mean host?");

        Files.writeString(f, valid(dir).replace("    lists: {drift: [drift@kommune.test]}", "      lists: {drift: [drift@kommune.test]}"));
        assertThat(Captured.run("check-config", f.toString()).err()).contains("the indentation is off here").doesNotContain("<block");
        Files.writeString(f, valid(dir).replace("    lists:", "\tlists:"));
        assertThat(Captured.run("check-config", f.toString()).err()).contains("a tab character: YAML is indented with spaces only");
    }

    @Test
    void the_config_file_is_found_the_same_way_by_every_command() {
        assertThat(ConfigFile.resolve(Path.of("x.yaml"), k -> "/etc/other.yaml")).isEqualTo(Path.of("x.yaml"));
        assertThat(ConfigFile.resolve(null, k -> "/srv/mv.yaml")).isEqualTo(Path.of("/srv/mv.yaml"));
        assertThat(ConfigFile.resolve(null, k -> null)).isIn(ConfigFile.HERE, ConfigFile.ETC);
    }

    @Test
    void relative_paths_in_the_config_are_taken_from_its_directory_not_the_working_directory(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, valid(dir).replace("store: {path: " + dir.resolve("store.db") + "}", "store: {path: ./state/store.db}"));
        Captured c = Captured.run("check-config", f.toString());
        assertThat(c.out()).contains("Store: " + dir.resolve("state/store.db"));
    }

    @Test
    void status_and_cases_list_speak_json_and_status_knows_a_service_that_runs_or_does_not(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start(Emails.MAILBOX, "drift@kommune.test", "kari@hemit.test")) {
            Path f = config(dir, mail);
            try (Harness h = new Harness(dir, Files.readString(f), Map.of())) {
                h.start();
                Captured early = Captured.run("status", "--config", f.toString(), "--json");
                Map<?, ?> starting = JSON.readValue(early.out(), Map.class);
                assertThat(starting.get("service")).asString().startsWith("PID " + ProcessHandle.current().pid());
                assertThat(starting.get("schema")).asList().last().asString().startsWith("V8");
                mail.send(Emails.errorNotice().from("kari@hemit.test").bytes(), Emails.MAILBOX);
                h.awaitProcessed(1, Duration.ofSeconds(15));
                h.awaitIdleOutbox(Duration.ofSeconds(15));
                MailServer.sleep(1_500); // the first health record
                Captured running = Captured.run("status", "--config", f.toString());
                assertThat(running.status()).as(running.out()).isZero();
                assertThat(running.out()).contains("Service: running, PID").contains("watched:").doesNotContain("no health record");
                Captured cases = Captured.run("cases", "--config", f.toString(), "list", "--json");
                Map<?, ?> one = JSON.readValue(cases.out().strip(), Map.class);
                assertThat(one.get("ref")).asString().startsWith("MV-");
                assertThat(one.get("category")).isEqualTo("error");
            }
            Captured stopped = Captured.run("status", "--config", f.toString());
            assertThat(stopped.status()).isEqualTo(1);
            assertThat(stopped.out()).contains("Service: NOT RUNNING");
        }
    }

    @Test
    void backup_under_load_gives_a_checked_copy_that_restores_the_same_cases(@TempDir Path dir) throws Exception {
        try (MailServer mail = MailServer.start(Emails.MAILBOX, "drift@kommune.test", "kari@hemit.test", "ola@nabokommune.test")) {
            Path f = config(dir, mail);
            Path copy = dir.resolve("backup/meldingsvakt-copy.db");
            try (Harness h = new Harness(dir, Files.readString(f), Map.of())) {
                h.start();
                for (int i = 0; i < 5; i++) {
                    mail.send(Emails.inquiry().from("ola@nabokommune.test").subject("Spørsmål " + i).bytes(), Emails.MAILBOX);
                }
                h.awaitProcessed(5, Duration.ofSeconds(15));
                AtomicBoolean busy = new AtomicBoolean(true);
                Thread load = new Thread(() -> {
                    for (int i = 0; busy.get() && i < 30; i++) {
                        mail.send(Emails.inquiry().from("ola@nabokommune.test").subject("Under kopiering " + i).bytes(), Emails.MAILBOX);
                        MailServer.sleep(20);
                    }
                });
                load.start();
                Captured b = Captured.run("backup", "--config", f.toString(), copy.toString());
                busy.set(false);
                load.join();
                assertThat(b.status()).as(b.err()).isZero();
                assertThat(b.out()).contains("integrity ok").contains("schema V8");
                assertThat(Captured.run("backup", "--config", f.toString(), copy.toString()).err()).contains("exists already");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(r.next() && r.getString(1).equals("ok")).isTrue();
            }
            Path restored = dir.resolve("restored");
            Files.createDirectories(restored);
            Files.copy(copy, restored.resolve("store.db"));
            Path rf = restored.resolve("meldingsvakt.yaml");
            Files.writeString(rf, Files.readString(f).replace(dir.resolve("store.db").toString(), restored.resolve("store.db").toString()));
            List<String> live = refs(Captured.run("cases", "--config", f.toString(), "list", "--json").out());
            List<String> back = refs(Captured.run("cases", "--config", rf.toString(), "list", "--json").out());
            assertThat(back).hasSizeGreaterThanOrEqualTo(5);
            assertThat(live).containsAll(back);
            assertThat(Files.getPosixFilePermissions(copy)).hasSize(2);
        }
    }

    @Test
    void a_store_written_by_a_newer_release_is_refused_with_what_to_do(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("s.db");
        Database.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history(installed_rank, version, description, type, script, checksum, installed_by,"
                    + " installed_on, execution_time, success) SELECT 99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'x',"
                    + " installed_on, 1, 1 FROM flyway_schema_history WHERE version='5'");
        }
        assertThatThrownBy(() -> Database.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema V99 (from the future), newer than this release knows (V8)")
                .hasMessageContaining("restore the backup");
    }

    private static List<String> refs(String jsonLines) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : jsonLines.strip().split("\n")) {
            if (!l.isBlank()) {
                out.add((String) JSON.readValue(l, Map.class).get("ref"));
            }
        }
        return out;
    }

    private static Path config(Path dir, MailServer mail) throws Exception {
        Path f = dir.resolve("meldingsvakt.yaml");
        Files.writeString(f, valid(dir).replace("imap: {host: imap.kommune.test}", "imap: {host: 127.0.0.1, port: " + mail.imapPort()
                + ", security: plain, allow_insecure: true}").replace("smtp: {host: smtp.kommune.test}", "smtp: {host: 127.0.0.1, port: "
                + mail.smtpPort() + ", security: plain, allow_insecure: true}"));
        return f;
    }

    private static String valid(Path dir) throws Exception {
        Files.writeString(dir.resolve("pw"), MailServer.PASSWORD);
        return "store: {path: " + dir.resolve("store.db") + "}\norganisations:\n  - id: kommune\n    address: " + Emails.MAILBOX + "\n"
                + "    password_file: " + dir.resolve("pw") + "\n    imap: {host: imap.kommune.test}\n    smtp: {host: smtp.kommune.test}\n"
                + "    lists: {drift: [drift@kommune.test]}\n    fallback_lists: [drift]\n    trust: none\n";
    }
}
