package no.meldingsvakt.outbound;

import no.meldingsvakt.store.Rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDrainerTest {
    @TempDir
    Path dir;

    /** A sender that records what it was asked to send. */
    static final class RecordingSender implements SmtpSender {
        final List<List<String>> sent = new ArrayList<>();

        @Override
        public void send(String org, String via, String envelopeFrom, List<String> recipients, byte[] raw) {
            sent.add(recipients);
        }
    }

    @Test
    void mail_the_previous_run_handed_to_smtp_is_not_sent_again_after_a_crash() throws Exception {
        try (Database db = no.meldingsvakt.testing.TestStore.open(dir.resolve("s.db"))) {
            Store store = Store.of(db, Clock.systemUTC());
            store.alerts().sent("org", "unwatched", Instant.now(), "x", List.of(
                    new OutgoingMail("alert", "k1", Optional.empty(), "<a@t>", "m@t", List.of("one@t"), new byte[] {1}),
                    new OutgoingMail("alert", "k2", Optional.empty(), "<b@t>", "m@t", List.of("two@t"), new byte[] {1})));
            long first = Long.parseLong(Rows.query(store, "SELECT min(id) FROM outbox").get(0)[0]);
            // The previous run got "250" for the first mail and was killed before the store knew.
            SentJournal journal = new SentJournal(dir.resolve("s.db-sent.journal"));
            journal.record(first);

            RecordingSender smtp = new RecordingSender();
            OutboxDrainer drainer = new OutboxDrainer(store, smtp, new Health(Clock.systemUTC()), new SentJournal(dir.resolve("s.db-sent.journal")),
                    Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), "test");
            drainer.start();
            long end = System.nanoTime() + 5_000_000_000L;
            while (store.outbox().pending() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            drainer.stop();

            assertThat(smtp.sent).containsExactly(List.of("two@t"));
            assertThat(Rows.query(store, "SELECT status FROM outbox ORDER BY id")).extracting(r -> r[0]).containsExactly("sent", "sent");
            assertThat(dir.resolve("s.db-sent.journal")).doesNotExist();
        }
    }
}
