package no.meldingsvakt.monitor;

import no.meldingsvakt.store.Alerts;
import no.meldingsvakt.store.Rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Instance;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.template.TemplateRenderer;
import no.meldingsvakt.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthMonitorTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T08:00:00Z"));
    Database db;
    Store store;
    Health health;
    AppConfig config;

    @BeforeEach
    void setUp() throws Exception {
        config = ConfigLoader.withEnvironment(Map.of("PW", "x")::get).parse(Path.of("m.yaml"), """
                store: {path: %s}
                health: {unwatched_after: 10m, repeat_after: 1h, repeat_max: 3h}
                organisations:
                  - id: org
                    address: m@org.test
                    password_env: PW
                    imap: {host: imap.org.test}
                    smtp: {host: smtp.org.test}
                    lists: {drift: [drift@org.test, vakt@org.test]}
                    fallback_lists: [drift]
                    trust: none
                """.formatted(dir.resolve("s.db")));
        db = no.meldingsvakt.testing.TestStore.open(config.storePath());
        store = Store.of(db, clock);
        health = new Health(clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private HealthMonitor monitor() {
        return monitor(Leases.alone(db, Instance.current(clock.instant())));
    }

    private HealthMonitor monitor(Leases leases) {
        return new HealthMonitor(config, health, store, new MailFactory(clock), org -> new TemplateRenderer(List.of()), clock, () -> { }, leases);
    }

    private Leases instance(String id) {
        return Leases.shared(db, new Instance(id, "host", 1, clock.instant()), Duration.ofMinutes(5));
    }

    private int alertMails() {
        return Integer.parseInt(Rows.query(store, "SELECT count(*) FROM outbox WHERE kind='alert' AND dedupe_key LIKE 'health-alert:%'").get(0)[0]);
    }

    private int clearMails() {
        return Integer.parseInt(Rows.query(store, "SELECT count(*) FROM outbox WHERE kind='alert' AND dedupe_key LIKE 'health-clear:%'").get(0)[0]);
    }

    @Test
    void alerts_repeat_with_doubling_intervals_survive_a_restart_and_end_with_one_all_clear() {
        health.watched("org");
        HealthMonitor m = monitor();
        clock.advance(Duration.ofMinutes(9));
        m.check();
        assertThat(alertMails()).as("within unwatched_after").isZero();

        clock.advance(Duration.ofMinutes(2));
        m.check();
        assertThat(alertMails()).as("first alert, one per admin-list address").isEqualTo(2);

        clock.advance(Duration.ofMinutes(59));
        monitor().check();
        assertThat(alertMails()).as("a restarted monitor does not alert again before repeat_after").isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        m.check();
        assertThat(alertMails()).as("repeat after 1 h").isEqualTo(4);
        clock.advance(Duration.ofMinutes(119));
        m.check();
        assertThat(alertMails()).as("the second repeat waits 2 h").isEqualTo(4);
        clock.advance(Duration.ofMinutes(2));
        m.check();
        assertThat(alertMails()).isEqualTo(6);
        assertThat(store.alerts().open("org")).singleElement().satisfies(a -> assertThat(a.sentCount()).isEqualTo(3));

        health.watched("org");
        m.check();
        m.check();
        assertThat(clearMails()).as("one all-clear, to each address").isEqualTo(2);
        assertThat(store.alerts().open("org")).isEmpty();
    }

    @Test
    void repeated_login_failures_are_a_problem_of_their_own() {
        health.watched("org");
        for (int i = 0; i < 3; i++) {
            health.mailboxFailed("org", "login refused: AUTHENTICATE failed", true);
        }
        monitor().check();
        assertThat(store.alerts().open("org")).extracting(Alerts.Alert::problem).containsExactly("login");
        assertThat(store.alerts().open("org").get(0).detail()).contains("IMAP-innloggingen har feilet 3 ganger på rad: login refused");
    }

    @Test
    void a_standby_raises_no_alarm_about_a_mailbox_another_instance_watches() {
        Leases active = instance("active");
        Leases standby = instance("standby");
        active.acquire("org");
        standby.acquire(Leases.JOBS);
        clock.advance(Duration.ofHours(2));
        // The standby's own watcher state says "never watched": it is not the one watching.
        monitor(standby).check();
        assertThat(alertMails()).isZero();
        assertThat(store.alerts().open("org")).isEmpty();
    }

    @Test
    void a_mailbox_no_instance_holds_is_an_alert_from_the_holder_of_the_jobs_lease() {
        Leases leader = instance("leader");
        Leases other = instance("other");
        leader.acquire(Leases.JOBS);
        clock.advance(Duration.ofMinutes(11));
        monitor(other).check();
        assertThat(alertMails()).as("an instance without the jobs lease judges only what it watches").isZero();
        monitor(leader).check();
        assertThat(store.alerts().open("org")).singleElement().satisfies(a -> {
            assertThat(a.problem()).isEqualTo("unwatched");
            assertThat(a.detail()).contains("ingen instans av Meldingsvakt overvåker postkassen");
        });
        leader.acquire("org");
        health.watching("org");
        health.watched("org");
        monitor(leader).check();
        assertThat(store.alerts().open("org")).as("taken over: all clear").isEmpty();
        assertThat(clearMails()).isEqualTo(2);
    }
}
