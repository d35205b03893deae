package no.meldingsvakt.web;

import static no.meldingsvakt.testing.Emails.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.testing.ConsoleFixture;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.MailWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console refuses strangers, stale forms and planted sessions, and prints what mail says as text. */
class ConsoleSecurityTest {
    @TempDir
    Path dir;
    MailWorld world;
    String base;

    @BeforeEach
    void start() {
        world = MailWorld.start(dir, ConsoleFixture.yaml(""), "kari@hemit.test");
        base = world.harness.service().console().orElseThrow().baseUrl();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String oneCase() throws Exception {
        world.mail.send(Emails.errorNotice().from("Kari <kari@hemit.test>").subject("Feil i meldingsutveksling <script>alert(1)</script>").bytes(),
                MAILBOX);
        world.harness.awaitProcessed(1, Duration.ofSeconds(15));
        return world.harness.service().store().cases().list("kommune", false).get(0).ref();
    }

    @Test
    void every_page_and_the_feed_refuse_a_stranger() throws Exception {
        String ref = oneCase();
        ConsoleClient stranger = new ConsoleClient(base);
        for (String path : List.of("/", "/saker", "/saker/" + ref, "/karantene", "/kalender", "/metrics", "/rapport", "/rapport.csv",
                "/rapport.json")) {
            HttpResponse<String> r = stranger.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).doesNotContain(ref).contains("Logg inn");
        }
        for (String path : List.of("/saker/" + ref + "/lukk", "/saker/" + ref + "/gjenapne", "/karantene/1/slipp", "/kalender/kommune/ny-lenke")) {
            assertThat(stranger.post(path, Map.of("note", "x")).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(stranger.get("/kalender/kommune/feil-token.ics").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/kalender/finnes-ikke/feil-token.ics").statusCode()).isEqualTo(404);
        assertThat(world.harness.service().store().cases().get(ref).map(CaseRecord::status)).hasValueSatisfying(s -> assertThat(s).isNotEqualTo("closed"));
        assertThat(stranger.get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void the_report_page_shows_the_month_with_its_charts_and_offers_csv_and_json() throws Exception {
        String ref = oneCase();
        world.harness.awaitIdleOutbox(Duration.ofSeconds(15));
        ConsoleClient staff = new ConsoleClient(base);
        assertThat(staff.login(ConsoleFixture.STAFF, ConsoleFixture.PASSWORD).statusCode()).isLessThan(400);
        String month = java.time.YearMonth.now(no.meldingsvakt.calendar.BusinessCalendar.OSLO).toString();
        HttpResponse<String> page = staff.get("/rapport?maned=" + month);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Månedsrapport").contains(ref).contains("data:image/png;base64,").contains("hemit.test")
                .doesNotContain("<script>alert(1)</script>");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("img-src 'self' data:").doesNotContain("script-src 'unsafe-inline'");
        HttpResponse<String> csv = staff.get("/rapport.csv?maned=" + month);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"meldingsvakt-kommune-" + month + ".csv\"");
        assertThat(csv.body()).startsWith("\uFEFFsak;").contains(ref + ";");
        assertThat(staff.get("/rapport.json?maned=" + month).body()).contains("\"error\" : 1");
        assertThat(staff.get("/rapport?maned=mars").statusCode()).isEqualTo(400);
        assertThat(staff.get("/rapport?org=andeby").statusCode()).isEqualTo(404);
    }

    @Test
    void a_wrong_password_is_refused_and_repeated_failures_lock_the_name_out() throws Exception {
        ConsoleClient c = new ConsoleClient(base);
        assertThat(c.login(ConsoleFixture.ADMIN, "feil").statusCode()).isEqualTo(401);
        assertThat(c.login("ukjent", ConsoleFixture.PASSWORD).statusCode()).isEqualTo(401);
        for (int i = 0; i < 4; i++) {
            c.login(ConsoleFixture.ADMIN, "feil-" + i);
        }
        HttpResponse<String> locked = c.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        assertThat(locked.statusCode()).as("the right password after five wrong ones").isEqualTo(429);
        assertThat(locked.body()).contains("For mange");
        assertThat(c.get("/").statusCode()).isEqualTo(401);
    }

    @Test
    void a_session_planted_before_login_is_worthless_and_cookies_are_httponly_and_strict() throws Exception {
        ConsoleClient c = new ConsoleClient(base);
        plant(c, "planted-by-attacker");
        HttpResponse<String> login = c.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Sessions.COOKIE)).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("planted");
        String id = setCookie.substring(Sessions.COOKIE.length() + 1, setCookie.indexOf(';'));
        assertThat(id).hasSizeGreaterThan(40);
        ConsoleClient attacker = new ConsoleClient(base);
        plant(attacker, "planted-by-attacker");
        assertThat(attacker.get("/").statusCode()).as("the planted id after the victim logged in").isEqualTo(401);

        // The session works until its user logs in again; then the old id is dead.
        ConsoleClient thief = new ConsoleClient(base);
        plant(thief, id);
        assertThat(thief.get("/").statusCode()).isEqualTo(200);
        ConsoleClient again = new ConsoleClient(base);
        plant(again, id);
        HttpResponse<String> second = again.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        assertThat(second.headers().allValues("Set-Cookie").toString()).doesNotContain(id);
        assertThat(thief.get("/").statusCode()).isEqualTo(401);
    }

    private void plant(ConsoleClient c, String id) {
        HttpCookie cookie = new HttpCookie(Sessions.COOKIE, id);
        cookie.setPath("/");
        cookie.setVersion(0);
        c.cookies.getCookieStore().add(URI.create(base), cookie);
    }

    @Test
    void a_post_without_the_csrf_token_changes_nothing() throws Exception {
        String ref = oneCase();
        ConsoleClient c = new ConsoleClient(base);
        c.login(ConsoleFixture.STAFF, ConsoleFixture.PASSWORD);
        assertThat(c.post("/saker/" + ref + "/lukk", Map.of("note", "uten token")).statusCode()).isEqualTo(403);
        assertThat(c.post("/saker/" + ref + "/lukk", Map.of("note", "feil token", "csrf", "gjettet")).statusCode()).isEqualTo(403);
        assertThat(world.harness.service().store().cases().get(ref).map(CaseRecord::status)).hasValueSatisfying(s -> assertThat(s).isNotEqualTo("closed"));

        HttpResponse<String> ok = c.submit("/saker/" + ref, "/saker/" + ref + "/lukk", Map.of("note", "med token"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(world.harness.service().store().cases().get(ref).map(CaseRecord::status)).hasValue("closed");
    }

    @Test
    void staff_cannot_reach_quarantine_or_rotate_calendar_links() throws Exception {
        ConsoleClient staff = new ConsoleClient(base);
        staff.login(ConsoleFixture.STAFF, ConsoleFixture.PASSWORD);
        assertThat(staff.get("/karantene").statusCode()).isEqualTo(403);
        assertThat(staff.submit("/", "/karantene/1/forkast", Map.of()).statusCode()).isEqualTo(403);
        String before = world.harness.service().console().orElseThrow().calendarUrl("kommune");
        assertThat(staff.submit("/kalender", "/kalender/kommune/ny-lenke", Map.of()).statusCode()).isEqualTo(403);
        assertThat(world.harness.service().console().orElseThrow().calendarUrl("kommune")).isEqualTo(before);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/karantene\"");

        ConsoleClient admin = new ConsoleClient(base);
        admin.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        assertThat(admin.get("/karantene").statusCode()).isEqualTo(200);
        assertThat(admin.submit("/kalender", "/kalender/kommune/ny-lenke", Map.of()).statusCode()).isEqualTo(302);
        String after = world.harness.service().console().orElseThrow().calendarUrl("kommune");
        assertThat(after).isNotEqualTo(before);
        assertThat(no.meldingsvakt.store.Rows.query(world.harness.service().store(), "SELECT actor FROM audit WHERE event='secret-replaced'"))
                .extracting(x -> x[0]).containsExactly(ConsoleFixture.ADMIN);
        ConsoleClient subscriber = new ConsoleClient("");
        assertThat(subscriber.get(before).statusCode()).as("the old link").isEqualTo(404);
        assertThat(subscriber.get(after).statusCode()).as("the new link").isEqualTo(200);
    }

    @Test
    void a_subject_with_markup_is_shown_as_text() throws Exception {
        String ref = oneCase();
        ConsoleClient c = new ConsoleClient(base);
        c.login(ConsoleFixture.ADMIN, ConsoleFixture.PASSWORD);
        for (String page : List.of("/saker", "/saker/" + ref)) {
            String html = c.get(page).body();
            assertThat(html).as(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        HttpResponse<String> r = c.get("/saker/" + ref);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
    }
}
