package no.meldingsvakt.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @Test
    void a_purge_removes_what_is_older_than_the_retention_and_keeps_pending_mail_and_newer_rows(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
        try (Database db = no.meldingsvakt.testing.TestStore.open(dir.resolve("s.db"))) {
            Store store = Store.of(db, clock);
            store.messages().startMailbox("org", 1);
            store.messages().record(intake(1, "<old@x>", "MV-250110-AAAAAA", clock.instant(), List.of(
                    new OutgoingMail("receipt", "receipt:old", Optional.of("MV-250110-AAAAAA"), "<r1@x>", "m@x", List.of("a@x"), new byte[] {1}),
                    new OutgoingMail("copy", "copy:old", Optional.of("MV-250110-AAAAAA"), "<c1@x>", "m@x", List.of("b@x"), new byte[] {1}))));
            long sentId = Long.parseLong(Rows.query(store, "SELECT id FROM outbox WHERE dedupe_key='receipt:old'").get(0)[0]);
            store.outbox().markSent(sentId);
            clock.advance(Duration.ofDays(400));
            store.messages().record(intake(2, "<new@x>", "MV-260214-BBBBBB", clock.instant(), List.of()));

            Retention.Purged p = new Retention(db, clock).purgeOlderThan(Duration.ofDays(395));

            assertThat(p.messages()).isEqualTo(1);
            assertThat(p.cases()).isEqualTo(1);
            assertThat(p.outbox()).as("the delivered receipt; the copy still waiting is kept").isEqualTo(1);
            assertThat(p.audit()).isPositive();
            assertThat(Rows.query(store, "SELECT message_key FROM messages")).extracting(r -> r[0]).containsExactly("<new@x>");
            assertThat(Rows.query(store, "SELECT dedupe_key FROM outbox")).extracting(r -> r[0]).containsExactly("copy:old");
            assertThat(Rows.query(store, "SELECT ref FROM cases")).extracting(r -> r[0]).containsExactly("MV-260214-BBBBBB");
        }
    }

    private static Intake intake(long uid, String key, String ref, Instant at, List<OutgoingMail> mails) {
        Intake.NewCase nc = new Intake.NewCase(ref, "error", "Feil", "a@x", Optional.of("a@x"), Optional.of(key), List.of("it"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), no.meldingsvakt.store.NoticeFacts.NONE);
        return Intake.of("org", 1, uid, at).key(key, "fp").from("a@x", "Feil").category("error", null).newCase(Optional.of(nc))
                .caseRef(Optional.of(ref)).threadIds(List.of(key)).mails(mails).audit(List.of(new Intake.AuditEntry("classified", "error"))).build();
    }
}
