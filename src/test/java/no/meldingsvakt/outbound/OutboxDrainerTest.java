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
    static class RecordingSender implements SmtpSender {
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

    /** A sender whose server refuses one address for good and defers another, the first time only. */
    static final class PartlyRefusingSender implements SmtpSender {
        final List<List<String>> sent = new ArrayList<>();

        @Override
        public void send(String org, String via, String envelopeFrom, List<String> recipients, byte[] raw) throws PartialDelivery {
            sent.add(recipients);
            if (sent.size() == 1) {
                throw new PartialDelivery("550 no such user; 452 mailbox full", java.util.Set.of("gone@t"), java.util.Set.of("full@t"), null);
            }
        }
    }

    private static List<OutgoingMail> copies(String bodyKey, String... to) {
        List<OutgoingMail> out = new ArrayList<>();
        for (String t : to) {
            out.add(new OutgoingMail("copy", bodyKey + ":" + t, Optional.empty(), "<c@t>", "m@t", List.of(t), new byte[] {7, 7, 7}).sharing(bodyKey));
        }
        return out;
    }

    private OutboxDrainer drainer(Store store, SmtpSender smtp) {
        return new OutboxDrainer(store, smtp, new Health(Clock.systemUTC()), new SentJournal(dir.resolve("s.db-sent.journal")), Clock.systemUTC(),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), "test");
    }

    @Test
    void a_message_being_read_opens_its_organisations_connection_one_attempt_at_a_time() throws Exception {
        try (Database db = no.meldingsvakt.testing.TestStore.open(dir.resolve("s.db"))) {
            java.util.concurrent.CountDownLatch connecting = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger prepared = new java.util.concurrent.atomic.AtomicInteger();
            SmtpSender slow = new RecordingSender() {
                @Override
                public void prepare(String org) {
                    prepared.incrementAndGet();
                    connecting.countDown();
                    try {
                        release.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            OutboxDrainer drainer = new OutboxDrainer(Store.of(db, Clock.systemUTC()), slow, new Health(Clock.systemUTC()),
                    new SentJournal(dir.resolve("s.db-sent.journal")), Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)), "test");
            drainer.prepare("org");
            assertThat(prepared).as("not started: nothing opened").hasValue(0);
            drainer.start();
            try {
                drainer.prepare("org");
                assertThat(connecting.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                drainer.prepare("org");
                drainer.prepare("org");
                assertThat(prepared).as("one connect at a time per organisation, however many messages arrive").hasValue(1);
                release.countDown();
                long end = System.nanoTime() + 5_000_000_000L;
                while (prepared.get() < 2 && System.nanoTime() < end) {
                    drainer.prepare("org");
                    Thread.sleep(10);
                }
                assertThat(prepared).as("once the first is done, the next message may ask again").hasValue(2);
            } finally {
                release.countDown();
                drainer.stop();
            }
        }
    }

    @Test
    void copies_of_one_notice_are_stored_once_and_leave_in_one_transaction() throws Exception {
        try (Database db = no.meldingsvakt.testing.TestStore.open(dir.resolve("s.db"))) {
            Store store = Store.of(db, Clock.systemUTC());
            List<OutgoingMail> mails = new ArrayList<>(copies("copy:org:n1", "a@t", "b@t", "c@t"));
            mails.add(new OutgoingMail("receipt", "r1", Optional.empty(), "<r@t>", "m@t", List.of("partner@t"), new byte[] {1}));
            mails.addAll(copies("copy:org:n2", "a@t", "b@t"));
            store.alerts().sent("org", "unwatched", Instant.now(), "x", mails);
            assertThat(Rows.query(store, "SELECT count(*) FROM outbox_bodies").get(0)[0]).isEqualTo("2");
            assertThat(Rows.query(store, "SELECT count(*) FROM outbox WHERE raw IS NOT NULL").get(0)[0]).isEqualTo("1");

            RecordingSender smtp = new RecordingSender();
            assertThat(drainer(store, smtp).drainOnce()).isEqualTo(6);

            // Staff first, the receipt after them.
            assertThat(smtp.sent).containsExactly(List.of("a@t", "b@t", "c@t"), List.of("a@t", "b@t"), List.of("partner@t"));
            assertThat(Rows.query(store, "SELECT status FROM outbox")).extracting(r -> r[0]).containsOnly("sent");
            // Delivered: the content goes, as a single mail's does.
            assertThat(Rows.query(store, "SELECT count(*) FROM outbox_bodies").get(0)[0]).isEqualTo("0");
            assertThat(Rows.query(store, "SELECT count(*) FROM audit WHERE event='delivered'").get(0)[0]).isEqualTo("6");
        }
    }

    @Test
    void a_refused_staff_address_fails_alone_and_a_deferred_one_gets_its_copy_later() throws Exception {
        try (Database db = no.meldingsvakt.testing.TestStore.open(dir.resolve("s.db"))) {
            Store store = Store.of(db, Clock.systemUTC());
            store.alerts().sent("org", "unwatched", Instant.now(), "x", copies("copy:org:n1", "ok@t", "gone@t", "full@t"));
            PartlyRefusingSender smtp = new PartlyRefusingSender();
            OutboxDrainer drainer = drainer(store, smtp);

            assertThat(drainer.drainOnce()).isEqualTo(1);
            assertThat(Rows.query(store, "SELECT recipients, status FROM outbox ORDER BY id")).extracting(r -> r[0] + "=" + r[1])
                    .containsExactly("ok@t=sent", "gone@t=failed", "full@t=pending");
            assertThat(Rows.query(store, "SELECT count(*) FROM outbox_bodies").get(0)[0]).as("kept for the deferred copy").isEqualTo("1");

            Thread.sleep(50);
            assertThat(drainer.drainOnce()).isEqualTo(1);
            assertThat(smtp.sent).containsExactly(List.of("ok@t", "gone@t", "full@t"), List.of("full@t"));
            assertThat(Rows.query(store, "SELECT status FROM outbox WHERE recipients='full@t'").get(0)[0]).isEqualTo("sent");
            assertThat(Rows.query(store, "SELECT count(*) FROM outbox_bodies").get(0)[0]).isEqualTo("0");
        }
    }
}
