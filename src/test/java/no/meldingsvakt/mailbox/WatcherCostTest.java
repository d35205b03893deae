package no.meldingsvakt.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a watched mailbox costs at rest: one thread (its IDLE) and one IMAP connection; the
 * keepalives run on the pool's few threads, Angus starts no timer thread per connection, and the
 * Sent folder is asked about over the open connection instead of a login every minute.
 */
class WatcherCostTest {
    private static final int MAILBOXES = 12;
    @TempDir
    Path dir;
    MailServer mail;
    Harness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
        mail.close();
    }

    private static String address(int i) {
        return "meldingsansvarlig@org" + i + ".test";
    }

    @Test
    void a_mailbox_at_rest_costs_one_thread_and_one_connection() {
        List<String> users = new ArrayList<>(List.of(Harness.IT));
        for (int i = 1; i <= MAILBOXES; i++) {
            users.add(address(i));
        }
        mail = MailServer.start(users.toArray(String[]::new));
        StringBuilder yaml = new StringBuilder("store:\n  path: " + dir.resolve("store.db") + "\norganisations:\n");
        for (int i = 1; i <= MAILBOXES; i++) {
            // The Sent folder exists, as in any real mailbox: STATUS can answer for it.
            mail.append(address(i), "Sent", Emails.message().from(address(i)).to(Harness.IT).subject("Gammel sak").bytes());
            yaml.append("""
                      - id: org%d
                        address: %s
                        password_env: MV_TEST_PASSWORD
                        imap: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                        smtp: {host: 127.0.0.1, port: %d, security: plain, allow_insecure: true}
                        lists: {it: [%s]}
                        fallback_lists: [it]
                        trust: none
                    """.formatted(i, address(i), mail.imapPort(), mail.smtpPort(), Harness.IT));
        }
        harness = new Harness(dir, yaml.toString());
        harness.start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (threads("watch-") < MAILBOXES && System.nanoTime() < end) {
            MailServer.sleep(50);
        }
        // Past the first Sent folder looks (every 300 ms here), which do log in once each to learn where the folder stands.
        MailServer.sleep(2_000);
        int most = 0;
        for (int k = 0; k < 20; k++) {
            most = Math.max(most, connections());
            MailServer.sleep(100);
        }
        Map<String, Integer> names = names();
        assertThat(threads("watch-")).as(names.toString()).isEqualTo(MAILBOXES);
        assertThat(threads("keepalive-")).as("shared keepalive threads").isLessThanOrEqualTo(WatcherPool.KEEPALIVE_THREADS);
        assertThat(names.keySet()).as("no timer thread per connection (Angus' write timeouts share one)").noneMatch(n -> n.matches("pool-N-thread-N"));
        assertThat(most).as("IMAP connections the server holds, sampled for 2 s: one per mailbox, no Sent folder logins").isEqualTo(MAILBOXES);
    }

    private static int threads(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    /** GreenMail's handler threads, one per open client connection, are named "imap:<server><-<client>". */
    private static int connections() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("imap:") && t.getName().contains("<-")).count();
    }

    private static Map<String, Integer> names() {
        Map<String, Integer> out = new TreeMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> out.merge(t.getName().replaceAll("\\d+", "N"), 1, Integer::sum));
        return out;
    }
}
