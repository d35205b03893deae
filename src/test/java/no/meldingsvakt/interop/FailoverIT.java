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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.RealMail;
import no.meldingsvakt.testing.Skip;
import no.meldingsvakt.testing.TestStore;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the real service (the jar, each in its own JVM and directory) share one
 * PostgreSQL store and watch one mailbox on the real Dovecot + Postfix. While notices arrive, the
 * instance that holds the mailbox is SIGKILLed or SIGSTOPped at random points, again and again;
 * the other must take over within 30 s and process what arrived meanwhile, and at the end every
 * notice has been processed exactly once in effect, as in the crash test.
 */
class FailoverIT {
    private static final String KARI = ExactlyOnce.KARI;
    private static final String OLA = ExactlyOnce.OLA;
    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    /** Kept after the run: each instance's config, journal and logs explain a failure. */
    private final Path dir = Path.of("target", "failover-it").toAbsolutePath();
    private final Map<Long, Process> processes = new HashMap<>();
    private String url;

    @Test
    void the_standby_takes_over_a_killed_or_frozen_instance_and_nothing_is_lost_or_done_twice() throws Exception {
        RealMail real = RealMail.require();
        Skip.unless(TestStore.server().isPresent(), "no PostgreSQL for the tests (MELDINGSVAKT_TEST_PG_URL unset); .ci/postgres-start.sh"
                + " starts one, .ci/run does so before the tests");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        real.users().forEach(real::purge);
        url = TestStore.freshDatabase();
        Path jar = Path.of("target", "meldingsvakt.jar").toAbsolutePath();
        String yaml = Harness.yaml(dir, real.imapYaml(real.port("imaps")), real.smtpYaml(), "").replaceFirst("store:\\n\\s+path: \\S+",
                "store:\n  url: \"" + url + "\"\n  user: " + TestStore.user() + "\n  password_env: " + TestStore.PASSWORD_ENV);
        Path[] configs = new Path[2];
        for (int i = 0; i < 2; i++) {
            Path home = Files.createDirectories(dir.resolve("instance-" + (char) ('a' + i)));
            configs[i] = home.resolve("meldingsvakt.yaml");
            Files.writeString(configs[i], yaml);
        }

        int rounds = Integer.getInteger("meldingsvakt.failoverRounds", 10);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("failover test: " + rounds + " rounds, seed " + seed);
        start(jar, configs[0], "a-0");
        start(jar, configs[1], "b-0");
        long first = awaitHolder(Optional.empty(), Duration.ofSeconds(60));
        List<Emails> sent = new ArrayList<>();
        List<Long> takeovers = new ArrayList<>();
        int expectedCopies = 0;
        int kills = 0;
        int freezes = 0;
        long holder = first;
        for (int round = 1; round <= rounds; round++) {
            expectedCopies += ExactlyOnce.sendRound(real, round, sent);
            MailServer.sleep(200 + random.nextInt(2500));
            Process active = processes.get(holder);
            boolean freeze = random.nextBoolean();
            long stopped = System.nanoTime();
            signal(holder, freeze ? "STOP" : "KILL");
            long next = awaitHolder(Optional.of(holder), TAKEOVER.plusSeconds(30));
            long took = (System.nanoTime() - stopped) / 1_000_000;
            takeovers.add(took);
            System.out.println("failover test: round " + round + ": " + (freeze ? "froze" : "killed") + " pid " + holder + ", pid " + next
                    + " watches after " + took + " ms");
            if (freeze) {
                freezes++;
                // Woken after it lost the lease: it must notice and stay out of the way.
                signal(holder, "CONT");
            } else {
                kills++;
                assertThat(active.waitFor(30, TimeUnit.SECONDS)).isTrue();
                processes.remove(holder);
                start(jar, configs[round % 2], "restart-" + round);
            }
            holder = next;
        }
        awaitDone(sent.size(), Duration.ofMinutes(4));
        MailServer.sleep(3000);
        for (long pid : List.copyOf(processes.keySet())) {
            processes.get(pid).destroy();
            processes.get(pid).waitFor(30, TimeUnit.SECONDS);
        }

        List<Long> sorted = takeovers.stream().sorted().toList();
        System.out.println("failover test: " + kills + " SIGKILL, " + freezes + " SIGSTOP; takeover p50 " + sorted.get(sorted.size() / 2)
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms");
        assertThat(kills + freezes).isEqualTo(rounds);
        assertThat(sorted.get(sorted.size() - 1)).as("every takeover within 30 s").isLessThanOrEqualTo(TAKEOVER.toMillis());
        ExactlyOnce once = new ExactlyOnce(strings("SELECT detail FROM audit WHERE event='possible-duplicate'"));
        System.out.println("failover test: " + once.flagged() + " mail(s) flagged as possible duplicates: " + once);
        once.check(real, sent, expectedCopies, List.of(KARI, OLA), "seed " + seed + ", logs in " + dir);
        assertThat(real.inbox(Emails.MAILBOX)).as("nothing left unfiled").isEmpty();
        assertThat(count("SELECT count(*) FROM outbox WHERE status <> 'sent'")).as("nothing left in the outbox").isZero();
        assertThat(count("SELECT count(*) FROM messages")).as("each notice recorded once").isEqualTo(sent.size());
    }

    private void start(Path jar, Path config, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(config.resolveSibling(name + ".log").toFile());
        pb.environment().put("MV_TEST_PASSWORD", RealMail.PASSWORD);
        pb.environment().put(TestStore.PASSWORD_ENV, TestStore.password());
        Process p = pb.start();
        processes.put(p.pid(), p);
    }

    private static void signal(long pid, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor()).isZero();
    }

    /** Waits until a live process other than {@code not} holds the mailbox's lease; its pid. */
    private long awaitHolder(Optional<Long> not, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<String> holders = strings("SELECT holder FROM leases WHERE name='kommune' AND expires_at > "
                    + "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)");
            if (!holders.isEmpty()) {
                long pid = Long.parseLong(holders.get(0).split("/")[1]);
                if (not.map(n -> n != pid).orElse(true) && processes.containsKey(pid)) {
                    return pid;
                }
            }
            MailServer.sleep(100);
        }
        throw new AssertionError("no instance took the mailbox over within " + timeout.toSeconds() + " s (logs in " + dir + ")");
    }

    private void awaitDone(int messages, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (count("SELECT count(*) FROM messages") >= messages && count("SELECT count(*) FROM outbox WHERE status = 'pending'") == 0) {
                return;
            }
            MailServer.sleep(500);
        }
        throw new AssertionError("not done in time: " + count("SELECT count(*) FROM messages") + " of " + messages + " processed, "
                + count("SELECT count(*) FROM outbox WHERE status = 'pending'") + " pending");
    }

    private List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, TestStore.user(), TestStore.password()); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return out;
            }
            throw e;
        }
        return out;
    }

    private int count(String sql) throws Exception {
        List<String> r = strings(sql);
        return r.isEmpty() ? 0 : Integer.parseInt(r.get(0));
    }
}
