package no.meldingsvakt.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.RealMail;
import org.junit.jupiter.api.Test;

/**
 * Kills the real service (the jar, in its own JVM) with SIGKILL at random points while a burst of
 * notices is being processed, restarts it each time, and proves at the end that every notice was
 * processed exactly once in effect.
 */
class CrashIT {
    private static final String KARI = ExactlyOnce.KARI;
    private static final String OLA = ExactlyOnce.OLA;
    /** Kept after the run (not a temp dir): the store and each round's log explain a failure. */
    private final Path dir = Path.of("target", "crash-it").toAbsolutePath();

    @Test
    void sigkill_at_random_points_loses_nothing_and_sends_nothing_twice() throws Exception {
        RealMail real = RealMail.require();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        real.users().forEach(real::purge);
        Path jar = Path.of("target", "meldingsvakt.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path config = dir.resolve("meldingsvakt.yaml");
        Files.writeString(config, Harness.yaml(dir, real.imapYaml(real.port("imaps")), real.smtpYaml(), ""));
        Path store = dir.resolve("store.db");

        int rounds = Integer.getInteger("meldingsvakt.crashRounds", 20);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("crash test: " + rounds + " rounds, seed " + seed);
        List<Emails> sent = new ArrayList<>();
        int expectedCopies = 0;
        int kills = 0;
        for (int round = 0; round < rounds; round++) {
            Process service = start(jar, config, dir.resolve("round-" + round + ".log"));
            expectedCopies += ExactlyOnce.sendRound(real, round, sent);
            // JVM start takes ~1 s: kills land before connecting, mid-processing and mid-sending.
            MailServer.sleep(400 + random.nextInt(2600));
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
        }
        Process last = start(jar, config, dir.resolve("final.log"));
        try {
            awaitDone(store, sent.size(), Duration.ofMinutes(3));
        } finally {
            last.destroy();
            if (!last.waitFor(30, TimeUnit.SECONDS)) {
                last.destroyForcibly().waitFor();
            }
        }
        MailServer.sleep(2000);

        assertThat(kills).isEqualTo(rounds);
        List<String> details = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath());
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT detail FROM audit WHERE event='possible-duplicate'")) {
            while (r.next()) {
                details.add(r.getString(1));
            }
        }
        ExactlyOnce once = new ExactlyOnce(details);
        System.out.println("crash test: " + once.flagged() + " mail(s) interrupted between '.' and '250', flagged: " + once);
        assertThat(once.flagged()).as("interrupted sends cannot outnumber the kills").isLessThanOrEqualTo(rounds);
        once.check(real, sent, expectedCopies, List.of(KARI, OLA), "seed " + seed + ", logs and store in " + dir);
        assertThat(real.inbox(Emails.MAILBOX)).as("nothing left unfiled").isEmpty();
        assertThat(count(store, "SELECT count(*) FROM outbox WHERE status <> 'sent'")).as("nothing left in the outbox").isZero();
    }

    private static Process start(Path jar, Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MV_TEST_PASSWORD", RealMail.PASSWORD);
        return pb.start();
    }

    private static void awaitDone(Path store, int messages, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(store) && count(store, "SELECT count(*) FROM messages") >= messages
                    && count(store, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0) {
                return;
            }
            MailServer.sleep(500);
        }
        throw new AssertionError("not done in time: " + count(store, "SELECT count(*) FROM messages") + " of " + messages
                + " processed, " + count(store, "SELECT count(*) FROM outbox WHERE status = 'pending'") + " pending");
    }

    private static int count(Path store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            try (ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

}
