package no.meldingsvakt.web;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Rows;
import no.meldingsvakt.testing.ConsoleFixture;
import no.meldingsvakt.testing.MailWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator releases a quarantined message for another pass, or discards it; both are in the audit by name. */
class QuarantineConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String QUARANTINE = "Meldingsvakt.Karantene";
    @TempDir
    Path dir;
    MailWorld world;
    ConsoleClient admin;

    @BeforeEach
    void start() throws Exception {
        world = MailWorld.start(dir, ConsoleFixture.yaml(""));
        admin = new ConsoleClient(world.harness.service().console().orElseThrow().baseUrl());
        admin.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        world.mail.deliverDirect("\u0000\u0001 this is not a mail message at all\r\n".getBytes(StandardCharsets.ISO_8859_1), MAILBOX);
        world.harness.awaitProcessed(1, WAIT);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void a_released_message_goes_back_to_the_inbox_and_is_processed_again() throws Exception {
        List<MessageLog.Quarantined> before = world.harness.service().store().messages().quarantined("kommune");
        assertThat(before).hasSize(1);
        assertThat(admin.get("/karantene").body()).contains("no From, Subject or Message-ID header");

        HttpResponse<String> r = admin.submit("/karantene", "/karantene/" + before.get(0).id() + "/slipp", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(URLDecoder.decode(r.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8)).contains("lagt tilbake i innboksen");

        world.harness.awaitProcessed(2, WAIT);
        List<String[]> rows = Rows.query(world.harness.service().store(), "SELECT id, status, coalesce(settled,''), coalesce(settled_by,'') FROM messages ORDER BY id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(Long.toString(before.get(0).id()), "quarantined", "released", ConsoleFixture.ADMIN);
        assertThat(rows.get(1)[1]).as("the same unreadable bytes, taken in again").isEqualTo("quarantined");
        assertThat(Rows.query(world.harness.service().store(), "SELECT actor FROM audit WHERE event='quarantine-released'"))
                .extracting(x -> x[0]).containsExactly(ConsoleFixture.ADMIN);
        assertThat(world.mail.messages(MAILBOX, QUARANTINE)).as("moved, not copied").hasSize(1);
    }

    @Test
    void a_discarded_message_leaves_the_list_but_stays_in_the_quarantine_folder() throws Exception {
        long id = world.harness.service().store().messages().quarantined("kommune").get(0).id();
        HttpResponse<String> r = admin.submit("/karantene", "/karantene/" + id + "/forkast", Map.of("note", "søppel"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(world.harness.service().store().messages().quarantined("kommune")).isEmpty();
        assertThat(admin.get("/karantene").body()).contains("Ingen meldinger i karantene");
        assertThat(world.mail.messages(MAILBOX, QUARANTINE)).hasSize(1);
        assertThat(Rows.query(world.harness.service().store(), "SELECT actor, detail FROM audit WHERE event='quarantine-discarded'"))
                .containsExactly(new String[] {ConsoleFixture.ADMIN, "søppel"});
        assertThat(admin.submit("/karantene", "/karantene/" + id + "/slipp", Map.of()).statusCode()).as("already dealt with").isEqualTo(404);
    }
}
