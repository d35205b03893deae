package no.meldingsvakt.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped systemd unit: {@code systemd-analyze verify} finds nothing to say about it, and the
 * service started the way the unit starts it (its user, umask, environment file, working directory
 * and command line, with /etc, /var/lib and /opt moved under a temporary root) watches a mailbox,
 * keeps its store private to its user, and stops cleanly on SIGTERM.
 */
class SystemdUnitIT {
    private static final Path UNIT = Path.of("packaging/systemd/meldingsvakt.service");

    @TempDir
    Path root;

    @Test
    void the_unit_file_passes_systemd_analyze_verify() throws Exception {
        Skip.unless(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "SystemdUnitIT: systemd-analyze not installed (Debian package systemd)");
        Process p = new ProcessBuilder("systemd-analyze", "verify", UNIT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("no warning either").isBlank();
    }

    @Test
    void the_service_started_as_the_unit_starts_it_watches_the_mailbox_as_its_own_user() throws Exception {
        Skip.unless("root".equals(System.getProperty("user.name")), "SystemdUnitIT: needs root to create the service user");
        Map<String, String> unit = unit();
        String user = unit.get("User");
        if (new ProcessBuilder("id", user).start().waitFor() != 0) {
            run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user);
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path state = moved(unit.get("WorkingDirectory"));
        Files.createDirectories(state);
        run("chown", user, state.toString());
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        List<String> exec = new ArrayList<>();
        for (String arg : unit.get("ExecStart").split("\\s+")) {
            exec.add(arg.startsWith("/etc/") || arg.startsWith("/opt/") || arg.startsWith("/var/") ? moved(arg).toString() : arg);
        }
        Path jar = Path.of(exec.get(exec.indexOf("-jar") + 1));
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("target/meldingsvakt.jar"), jar);
        Path env = moved(unit.get("EnvironmentFile"));
        Files.createDirectories(env.getParent());
        Files.writeString(env, "# as the packaged example\nMV_TEST_PASSWORD=" + MailServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));

        try (MailServer mail = MailServer.start(Emails.MAILBOX, Harness.IT, Harness.PLO, Harness.NURSE, Harness.LEADER, "kari@hemit.test")) {
            Path config = Path.of(exec.get(exec.indexOf("--config") + 1));
            String yaml = Harness.yaml(state, mail.imapPort(), mail.smtpPort(), "").replace(state.resolve("store.db").toString(),
                    state.resolve("meldingsvakt.db").toString());
            Files.writeString(config, yaml);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

            List<String> cmd = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "-i", "PATH=/usr/bin:/bin"));
            for (String line : Files.readAllLines(env)) {
                if (line.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    cmd.add(line);
                }
            }
            cmd.add(unit.get("Environment").replace("/etc/", moved("/etc/") + "/"));
            cmd.addAll(List.of("sh", "-c", "umask " + unit.get("UMask") + " && exec \"$@\"", "meldingsvakt"));
            cmd.addAll(exec);
            Path log = root.resolve("service.log");
            Process service = new ProcessBuilder(cmd).directory(state.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                mail.send(Emails.errorNotice().from("kari@hemit.test").bytes(), Emails.MAILBOX);
                assertThat(mail.awaitInbox(Harness.IT, 1, Duration.ofSeconds(60))).as(Files.readString(log)).hasSize(1);
                Path store = state.resolve("meldingsvakt.db");
                PosixFileAttributes a = Files.readAttributes(store, PosixFileAttributes.class);
                assertThat(a.owner().getName()).isEqualTo(user);
                assertThat(PosixFilePermissions.toString(a.permissions())).isEqualTo("rw-------");
            } finally {
                service.destroy(); // SIGTERM, as systemctl stop
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(service.exitValue()).as(Files.readString(log)).isIn(0, 143);
            assertThat(Files.readString(log)).contains("Meldingsvakt started").contains("Meldingsvakt stopped");
        }
    }

    private Path moved(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private static Map<String, String> unit() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(UNIT)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                out.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", cmd)).isTrue();
    }
}
