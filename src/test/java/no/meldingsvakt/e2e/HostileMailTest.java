package no.meldingsvakt.e2e;

import no.meldingsvakt.store.Rows;
import static no.meldingsvakt.testing.Emails.MAILBOX;
import static no.meldingsvakt.testing.Harness.IT;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.MailServer;
import no.meldingsvakt.testing.MailWorld;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail written to hurt: slow to read, clashing ids, forged lines, addresses that need SMTPUTF8; and what the store keeps. */
class HostileMailTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KARI = "kari@hemit.test";
    private static final String OLA = "ola@nabokommune.test";

    @TempDir
    Path dir;
    MailWorld world;
    MailServer mail;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, "", KARI, OLA);
        mail = world.mail;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void a_forward_with_a_300000_character_fra_line_does_not_hold_up_the_notice_behind_it() {
        String body = "-----Opprinnelig melding-----\nFra: " + "a".repeat(300_000) + "\nEmne: Feil i meldingsutveksling\n\nTekst\n";
        mail.send(Emails.message().from("Mallory <mallory@evil.test>").subject("VS: Feil i meldingsutveksling").body(body).bytes(), MAILBOX);
        long sent = System.nanoTime();
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        mail.awaitInbox(KARI, 1, WAIT);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        world.harness.awaitProcessed(2, WAIT);
        System.out.println("notice behind a 300 000-character Fra: line confirmed after " + millis + " ms");
        assertThat(millis).as("well inside the 30 s deadline").isLessThan(10_000);
    }

    @Test
    void the_same_message_id_with_another_sender_and_content_is_processed_not_dropped() throws Exception {
        String id = "<samme-id@hemit.test>";
        mail.send(Emails.errorNotice().from(KARI).messageId(id).body("Første varsel.\n").bytes(), MAILBOX);
        world.harness.awaitProcessed(1, WAIT);
        mail.send(Emails.errorNotice().from(OLA).messageId(id).body("Et annet varsel, fra en annen.\n").bytes(), MAILBOX);
        mail.send(Emails.errorNotice().from(KARI).messageId(id).body("Første varsel.\n").bytes(), MAILBOX);
        mail.send(Emails.errorNotice().from(OLA).messageId(id).body("Et annet varsel, fra en annen.\n").bytes(), MAILBOX);
        world.harness.awaitProcessed(4, WAIT);
        world.harness.awaitIdleOutbox(WAIT);
        assertThat(mail.awaitInbox(OLA, 1, WAIT)).as("the later notice got its own receipt").hasSize(1);
        assertThat(mail.inbox(IT)).as("two notices passed on; the exact repeats are duplicates").hasSize(2);
        assertThat(query("SELECT status FROM messages ORDER BY id")).containsExactly("processed", "processed", "duplicate", "duplicate");
        assertThat(query("SELECT detail FROM audit WHERE event='message-id-clash'")).singleElement().asString().contains(id);
    }

    @Test
    void a_line_break_in_an_encoded_display_name_does_not_forge_a_line_in_the_staff_copy() {
        // Stored as the receiving server would; a client library refuses to submit such a From line.
        mail.deliverDirect(Emails.errorNotice().from("=?utf-8?Q?Kari=0D=0A-_**Kategori:**_Planlagt_stans?= <" + KARI + ">").bytes(), MAILBOX);
        MimeMessage copy = mail.awaitInbox(IT, 1, WAIT).get(0);
        List<String> lines = Mails.text(copy).lines().toList();
        assertThat(lines).noneMatch(l -> l.strip().startsWith("- **Kategori:** Planlagt")).noneMatch(l -> l.strip().startsWith("Kategori: Planlagt"));
        assertThat(lines).anyMatch(l -> l.contains("Fra:") && l.contains(KARI));
    }

    @Test
    void a_receipt_to_an_address_that_needs_smtputf8_is_sent_with_it_where_the_server_offers_it() {
        mail.send(Emails.errorNotice().from("Kåre <kåre@hemit.test>").bytes(), MAILBOX);
        mail.awaitInbox(IT, 1, WAIT);
        world.harness.awaitIdleOutbox(WAIT);
        assertThat(query("SELECT status FROM outbox WHERE kind='receipt'")).containsExactly("sent");
    }

    @Test
    void a_receipt_to_an_address_that_needs_smtputf8_is_not_sent_raw_to_a_server_without_it(@TempDir Path other) throws Exception {
        try (TcpProxy noUtf8 = new TcpProxy(mail.smtpPort());
                Harness h = new Harness(other, Harness.yaml(other, mail.imapPort(), noUtf8.port(), ""))) {
            noUtf8.hideFromServer("SMTPUTF8");
            world.harness.stop();
            h.start();
            mail.send(Emails.errorNotice().from("Kåre <kåre@hemit.test>").bytes(), MAILBOX);
            h.awaitProcessed(1, WAIT);
            h.awaitIdleOutbox(WAIT);
            List<String> receipt = Rows.query(h.service().store(), "SELECT status || ' ' || coalesce(last_error, '') FROM outbox WHERE kind='receipt'")
                    .stream().map(r -> r[0]).toList();
            assertThat(receipt).singleElement().asString().startsWith("failed").contains("SMTPUTF8").contains("kåre@hemit.test");
            assertThat(Rows.query(h.service().store(), "SELECT detail FROM audit WHERE event='delivery-failed'")).singleElement()
                    .satisfies(r -> assertThat(r[0]).contains("SMTPUTF8"));
            assertThat(mail.inbox(IT)).as("the notice itself still reached staff").isNotEmpty();
        }
    }

    @Test
    void the_store_is_private_forgets_content_and_deletes_securely() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(no.meldingsvakt.testing.TestStore.postgres(),
                "file modes and secure_delete are the SQLite file's; PostgreSQL's files are the server's");
        mail.send(Emails.errorNotice().from(KARI).bytes(), MAILBOX);
        mail.awaitInbox(KARI, 1, WAIT);
        world.harness.awaitIdleOutbox(WAIT);
        Path store = dir.resolve("store.db");
        for (Path p : List.of(store, store.resolveSibling("store.db-wal"), store.resolveSibling("store.db.lock"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rw-------");
        }
        assertThat(query("PRAGMA secure_delete")).containsExactly("1");
        assertThat(query("SELECT count(*) FROM outbox WHERE raw IS NOT NULL")).containsExactly("0");
    }

    private List<String> query(String sql) {
        return Rows.query(world.harness.service().store(), sql).stream().map(r -> r[0]).toList();
    }
}
