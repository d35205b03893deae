package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @Test
    void check_config_refuses_a_broken_file_with_exit_status_2_and_the_line(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "store: {path: x.db}\norganisations:\n  - id: a\n    adress: m@a.test\n");
        Captured c = run("check-config", f.toString());
        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains(f + ":4:5: organisations[0].adress: unknown key");
    }

    @Test
    void run_refuses_to_start_on_a_broken_file(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "organisations: []\n");
        Captured c = run("run", "--config", f.toString());
        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("Refusing to start").contains("must list at least one organisation");
    }

    @Test
    void demo_processes_every_sample_and_reports_it(@TempDir Path dir) {
        Captured c = run("demo", "--smtp-port", "0", "--imap-port", "0", "--dir", dir.toString(), "--exit-after", "0");
        assertThat(c.status).isZero();
        assertThat(c.out).contains("category planned, case MV-").contains("receipt: policy: no receipt for planned")
                .contains("category error").contains("category automatic (automatic: Auto-Submitted: auto-replied)")
                .contains("Planlagt julebord - feil dato i invitasjonen\n      category unknown");
        assertThat(c.out).containsPattern("plo@demo-kommune.no\\s+4 message\\(s\\)");
    }

    private record Captured(int status, String out, String err) {}

    private static synchronized Captured run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.execute(args);
            return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
