package no.meldingsvakt.e2e;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static no.meldingsvakt.testing.Harness.LEADER;
import static no.meldingsvakt.testing.Harness.NURSE;
import static no.meldingsvakt.testing.Harness.PLO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.TcpProxy;
import no.meldingsvakt.testing.TestStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store goes away for longer than a lease while notices arrive: the service stops
 * acting (nothing is filed, nothing recorded, the lease is given up), and when the database is
 * back it takes the mailbox again and processes every notice once.
 */
class StoreOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String KARI = "kari@hemit.test";
    @TempDir
    Path dir;

    @Test
    void a_database_away_for_longer_than_the_lease_loses_nothing_and_does_nothing_twice() throws Exception {
        Assumptions.assumeTrue(TestStore.postgres(), "runs in the PostgreSQL pass (the SQLite file cannot go away)");
        String url = TestStore.freshDatabase();
        URI server = URI.create(url.substring("jdbc:".length()));
        try (MailServer mail = MailServer.start(MAILBOX, PLO, NURSE, IT, LEADER, KARI);
                TcpProxy db = new TcpProxy(server.getPort())) {
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + db.port() + server.getPath();
            String yaml = Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), "").replaceFirst("store:\\n\\s+path: \\S+",
                    "store:\n  url: \"" + viaProxy + "\"\n  user: " + TestStore.user() + "\n  password_env: " + TestStore.PASSWORD_ENV);
            try (Harness harness = new Harness(dir, yaml, Map.of())) {
                harness.start();
                mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
                harness.awaitProcessed(1, WAIT);

                db.refuse(true);
                List<Emails> during = List.of(Emails.errorNotice().from(KARI), Emails.errorNotice().from(KARI));
                for (Emails e : during) {
                    mail.send(e.bytes(), MAILBOX);
                }
                MailServer.sleep(6_000); // twice the lease
                assertThat(count(url, "SELECT count(*) FROM messages")).as("nothing recorded while the store is away").isEqualTo(1);
                assertThat(mail.inbox(MAILBOX)).as("nothing filed while the store is away").hasSize(2);

                db.refuse(false);
                harness.awaitProcessed(3, WAIT);
                // A mail claimed just before the cut keeps its claim (60 s) and is then taken again: the wait covers it.
                harness.awaitIdleOutbox(Duration.ofSeconds(120));
                MailServer.sleep(1_000);
                for (String staff : List.of(IT, PLO, NURSE)) {
                    assertThat(mail.inbox(staff)).extracting(Mails::originalId).as(staff).hasSize(3).doesNotHaveDuplicates();
                }
                assertThat(mail.inbox(MAILBOX)).as("every notice filed").isEmpty();
                assertThat(count(url, "SELECT count(*) FROM messages")).isEqualTo(3);
            }
        }
    }

    private static int count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestStore.user(), TestStore.password());
                ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
