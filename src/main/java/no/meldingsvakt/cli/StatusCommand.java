package no.meldingsvakt.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What the running service last recorded about each mailbox: watched when, SMTP, outbox, open alerts. Exit 1 while any alert is open. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether every mailbox is watched and mail is leaving.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:MELDINGSVAKT_CONFIG:-meldingsvakt.yaml}",
            description = "The YAML config file (default: $MELDINGSVAKT_CONFIG or meldingsvakt.yaml).")
    Path config;

    @Override
    public Integer call() {
        AppConfig c;
        try {
            c = ConfigLoader.withoutSecrets().load(config);
        } catch (ConfigException e) {
            System.err.println("Config " + config + " has " + e.errors().size() + " error(s):");
            e.errors().stream().map(ConfigError::toString).forEach(s -> System.err.println("  " + s));
            return Main.CONFIG_ERROR;
        }
        try (Database db = Database.openReadOnly(c.storePath())) {
            return print(new Store(db, java.time.Clock.systemUTC()), c, System.out) ? 0 : 1;
        } catch (no.meldingsvakt.store.StoreException e) {
            System.err.println(e.getMessage());
            return Main.CONFIG_ERROR;
        }
    }

    static boolean print(Store store, AppConfig c, PrintStream out) {
        boolean healthy = true;
        Instant now = Instant.now();
        for (OrganisationConfig org : c.organisations()) {
            out.println(org.name() + " [" + org.id() + "] " + org.address());
            List<String[]> h = store.query("SELECT last_watched, last_smtp_ok, mailbox_error, smtp_error, updated_at FROM health WHERE org=?", org.id());
            if (h.isEmpty()) {
                out.println("  no health record yet: has the service run with this store (" + c.storePath() + ")?");
                healthy = false;
            } else {
                String[] r = h.get(0);
                out.println("  watched:  " + ago(r[0], now) + (r[2] == null ? "" : "   last error: " + r[2]));
                out.println("  SMTP:     " + (r[1] == null ? "no mail sent since start" : "last delivery " + ago(r[1], now))
                        + (r[3] == null ? "" : "   last error: " + r[3]));
                out.println("  recorded: " + ago(r[4], now) + " (by the running service)");
            }
            String[] counts = store.query("SELECT coalesce(sum(status='pending'),0), coalesce(sum(status='failed'),0) FROM outbox WHERE org=?",
                    org.id()).get(0);
            out.println("  outbox:   " + counts[0] + " pending, " + counts[1] + " failed");
            List<Store.Alert> alerts = store.alerts(org.id());
            if (alerts.isEmpty()) {
                out.println("  alerts:   none");
            }
            for (Store.Alert a : alerts) {
                healthy = false;
                out.println("  ALERT:    " + a.problem() + " since " + a.since() + " (" + a.sentCount() + " alert(s) sent): " + a.detail());
            }
        }
        return healthy;
    }

    private static String ago(String iso, Instant now) {
        if (iso == null) {
            return "never";
        }
        Duration d = Duration.between(Instant.parse(iso), now);
        long s = Math.max(0, d.toSeconds());
        String rel = s < 120 ? s + " s ago" : s < 7200 ? s / 60 + " min ago" : s / 3600 + " h ago";
        return rel + " (" + iso + ")";
    }
}
