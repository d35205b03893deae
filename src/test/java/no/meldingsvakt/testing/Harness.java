package no.meldingsvakt.testing;

import no.meldingsvakt.store.Rows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.app.MeldingsvaktService;
import no.meldingsvakt.app.ServiceSettings;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.mailbox.WatcherSettings;
import no.meldingsvakt.outbound.Backoff;

/** A Meldingsvakt service configured through a real YAML file against test mail servers, with short timings. */
public final class Harness implements AutoCloseable {
    public static final String PLO = "plo@kommune.test";
    public static final String NURSE = "sykepleier@kommune.test";
    public static final String IT = "it@kommune.test";
    public static final String LEADER = "leder@kommune.test";
    public static final List<String> STAFF = List.of(PLO, NURSE, IT, LEADER);

    private final Path dir;
    private final AppConfig config;
    private MeldingsvaktService service;

    public Harness(Path dir, int imapPort, int smtpPort) {
        this(dir, yaml(dir, imapPort, smtpPort, ""));
    }

    public Harness(Path dir, String yaml) {
        this(dir, yaml, Map.of());
    }

    /** @param env environment variables the config may name, besides MV_TEST_PASSWORD */
    public Harness(Path dir, String yaml, Map<String, String> env) {
        this.dir = dir;
        try {
            Path file = dir.resolve("meldingsvakt.yaml");
            Files.writeString(file, TestStore.adapt(yaml));
            Map<String, String> vars = new java.util.HashMap<>(env);
            vars.put("MV_TEST_PASSWORD", MailServer.PASSWORD);
            vars.put(TestStore.PASSWORD_ENV, TestStore.password());
            this.config = ConfigLoader.withEnvironment(vars::get).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The standard test organisation; {@code extra} is appended inside the organisation entry. */
    public static String yaml(Path dir, int imapPort, int smtpPort, String extra) {
        return yaml(dir, "{host: 127.0.0.1, port: " + imapPort + ", security: plain, allow_insecure: true}",
                "{host: 127.0.0.1, port: " + smtpPort + ", security: plain, allow_insecure: true}", extra);
    }

    /** The standard test organisation with the given IMAP and SMTP blocks. */
    public static String yaml(Path dir, String imap, String smtp, String extra) {
        return """
                store:
                  path: %s
                organisations:
                  - id: kommune
                    name: Testkommune
                    address: meldingsansvarlig@kommune.test
                    password_env: MV_TEST_PASSWORD
                    imap: %s
                    smtp: %s
                    lists:
                      plo: [plo@kommune.test, sykepleier@kommune.test]
                      it: [it@kommune.test]
                      leder: [leder@kommune.test, plo@kommune.test]
                    routes:
                      - name: planned-to-it
                        when: {category: planned}
                        then: [it]
                      - name: incidents
                        when: {category: [error, missing-receipt, important-info]}
                        then: [it, plo]
                    fallback_lists: [leder]
                    admin_list: it
                """.formatted(dir.resolve("store.db"), imap, smtp) + (extra.contains("trust:") ? "" : "    trust: none\n") + extra;
    }

    public static ServiceSettings fastSettings() {
        return new ServiceSettings(
                new WatcherSettings(Duration.ofMillis(1000), Duration.ofSeconds(3), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                        Duration.ofSeconds(2)),
                new Backoff(Duration.ofMillis(200), Duration.ofMillis(500)), Duration.ofSeconds(2))
                .withFollowUp(Duration.ofMillis(200), Duration.ofMillis(300))
                // On PostgreSQL: a lease lost in 3 s, renewed every second (production: 15 s and 5 s).
                .withLeaseTtl(Duration.ofSeconds(3));
    }

    public AppConfig config() {
        return config;
    }

    public MeldingsvaktService start() {
        return start(Clock.systemUTC());
    }

    /** Starts the service on a clock the test controls (reminders, deadlines). */
    public MeldingsvaktService start(Clock clock) {
        service = MeldingsvaktService.create(config, clock, fastSettings());
        service.start();
        return service;
    }

    public MeldingsvaktService service() {
        return service;
    }

    public void stop() {
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    /** Waits until the store holds at least {@code n} message records. */
    public void awaitProcessed(int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (processed() >= n) {
                return;
            }
            MailServer.sleep(50);
        }
        throw new AssertionError("only " + processed() + " of " + n + " messages processed");
    }

    public int processed() {
        return Integer.parseInt(Rows.query(service.store(), "SELECT count(*) FROM messages").get(0)[0]);
    }

    /** Waits until nothing is pending in the outbox, then a moment for the last SMTP delivery to land. */
    public void awaitIdleOutbox(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (service.store().outbox().pending() > 0 && System.nanoTime() < end) {
            MailServer.sleep(50);
        }
        MailServer.sleep(300);
        if (service.store().outbox().pending() > 0) {
            throw new AssertionError(service.store().outbox().pending() + " mails still pending in the outbox");
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        stop();
    }
}
