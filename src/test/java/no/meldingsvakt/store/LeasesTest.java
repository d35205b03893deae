package no.meldingsvakt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one store, as two {@link Leases} over one database: on the SQLite file by
 * default, on PostgreSQL in the postgresql run. The lease logic is the same SQL on both.
 */
class LeasesTest {
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = TestStore.open(dir.resolve("s.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Leases instance(String name, Duration ttl) {
        return Leases.shared(db, new Instance(name, "host", 1, Instant.now()), ttl);
    }

    @Test
    void only_one_instance_holds_a_lease_until_it_runs_out() throws Exception {
        Leases a = instance("a", Duration.ofMillis(600));
        Leases b = instance("b", Duration.ofMillis(600));
        assertThat(a.acquire("org")).isTrue();
        assertThat(b.acquire("org")).isFalse();
        assertThat(a.acquire("org")).as("renewed").isTrue();
        Thread.sleep(800);
        assertThat(a.holds("org")).as("a counts its own lease as gone before the store does").isFalse();
        assertThat(b.acquire("org")).isTrue();
        assertThat(a.acquire("org")).isFalse();
        assertThat(b.all()).singleElement().satisfies(h -> {
            assertThat(h.instance()).isEqualTo("b");
            assertThat(h.fence()).isEqualTo(2);
            assertThat(h.live()).isTrue();
        });
    }

    @Test
    void a_frozen_holder_that_wakes_after_losing_its_lease_cannot_record() throws Exception {
        Leases a = instance("a", Duration.ofMillis(500));
        Leases b = instance("b", Duration.ofMillis(500));
        a.acquire("org");
        MessageLog logA = new MessageLog(db, java.time.Clock.systemUTC(), a);
        logA.startMailbox("org", 1);
        assertThat(logA.record(intake(1))).isTrue();
        Thread.sleep(700); // a is "frozen" past its lease
        assertThat(b.acquire("org")).isTrue();
        // a wakes and records what it had in hand: the fence, checked in the same transaction, refuses it.
        assertThatThrownBy(() -> logA.record(intake(2))).isInstanceOf(Fence.LostException.class);
        MessageLog logB = new MessageLog(db, java.time.Clock.systemUTC(), b);
        assertThat(logB.record(intake(2))).isTrue();
        assertThat(logB.recorded("org", 1, 2)).contains(Intake.MessageStatus.PROCESSED);
    }

    @Test
    void a_clean_stop_gives_the_lease_up_at_once() {
        Leases a = instance("a", Duration.ofMinutes(1));
        Leases b = instance("b", Duration.ofMinutes(1));
        a.acquire("org");
        assertThat(b.acquire("org")).isFalse();
        a.release("org");
        assertThat(b.acquire("org")).isTrue();
    }

    @Test
    void an_outbox_row_is_claimed_by_one_instance_and_taken_over_when_the_claim_runs_out() throws Exception {
        Outbox outbox = new Outbox(db, java.time.Clock.systemUTC());
        new Alerts(db, java.time.Clock.systemUTC()).sent("org", "unwatched", Instant.now(), "x",
                List.of(new OutgoingMail("alert", "k1", Optional.empty(), "<a@t>", "m@t", List.of("one@t"), new byte[] {1})));
        assertThat(outbox.claimDue("a", 10, Duration.ofMillis(300))).hasSize(1);
        assertThat(outbox.claimDue("b", 10, Duration.ofMillis(300))).as("claimed by a").isEmpty();
        Thread.sleep(400);
        assertThat(outbox.claimDue("b", 10, Duration.ofMinutes(1))).hasSize(1);
        assertThat(Rows.query(Store.of(db, java.time.Clock.systemUTC()), "SELECT detail FROM audit WHERE event='possible-duplicate'"))
                .singleElement().satisfies(r -> assertThat(r[0]).contains("claim of a ran out"));
    }

    private static Intake intake(long uid) {
        return Intake.of("org", 1, uid, Instant.now()).key("<m" + uid + "@x>", "f" + uid).from("s@x", "s").category("other", null)
                .status(Intake.MessageStatus.PROCESSED, null).build();
    }
}
