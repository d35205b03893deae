package no.meldingsvakt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the running service last recorded about each mailbox: watched when, SMTP, outbox, open
 * alerts, and whether a service runs on the store at all. Exit 1 while any alert is open or no
 * service runs; a service that has just started is not an alarm.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether every mailbox is watched and mail is leaving.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The YAML config file (default: $MELDINGSVAKT_CONFIG, ./meldingsvakt.yaml, /etc/meldingsvakt/meldingsvakt.yaml).")
    Path config;

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        config = ConfigFile.resolve(config);
        AppConfig c;
        try {
            c = ConfigLoader.withoutSecrets().load(config);
        } catch (ConfigException e) {
            System.err.println("Config " + config + " has " + e.errors().size() + " error(s):");
            e.errors().stream().map(ConfigError::toString).forEach(s -> System.err.println("  " + s));
            return Main.CONFIG_ERROR;
        }
        try (Database db = Database.openReadOnly(c.storePath())) {
            Map<String, Object> report = report(new Store(db, java.time.Clock.systemUTC()), db, c, StoreLock.runningHolder(c.storePath()), Instant.now());
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(report));
            } else {
                print(report, System.out);
            }
            return Boolean.TRUE.equals(report.get("healthy")) ? 0 : 1;
        } catch (no.meldingsvakt.store.StoreException e) {
            System.err.println(e.getMessage());
            return Main.CONFIG_ERROR;
        }
    }

    /** Everything status shows, as plain values (the JSON output is exactly this). */
    static Map<String, Object> report(Store store, Database db, AppConfig c, Optional<String> holder, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store", c.storePath().toAbsolutePath().toString());
        out.put("service", holder.orElse(null));
        out.put("schema", db.appliedMigrations());
        boolean healthy = holder.isPresent();
        List<Map<String, Object>> orgs = new ArrayList<>();
        for (OrganisationConfig org : c.organisations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", org.id());
            o.put("name", org.name());
            o.put("address", org.address());
            List<String[]> h = store.query("SELECT last_watched, last_smtp_ok, mailbox_error, smtp_error, updated_at FROM health WHERE org=?", org.id());
            String[] r = h.isEmpty() ? new String[5] : h.get(0);
            o.put("lastWatched", r[0]);
            o.put("lastSmtpDelivery", r[1]);
            o.put("mailboxError", r[2]);
            o.put("smtpError", r[3]);
            o.put("recordedAt", r[4]);
            String[] counts = store.query("SELECT coalesce(sum(status='pending'),0), coalesce(sum(status='failed'),0) FROM outbox WHERE org=?",
                    org.id()).get(0);
            o.put("outboxPending", Integer.parseInt(counts[0]));
            o.put("outboxFailed", Integer.parseInt(counts[1]));
            List<Map<String, Object>> alerts = new ArrayList<>();
            for (Store.Alert a : store.alerts(org.id())) {
                healthy = false;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("problem", a.problem());
                m.put("since", a.since().toString());
                m.put("sent", a.sentCount());
                m.put("detail", a.detail());
                alerts.add(m);
            }
            o.put("alerts", alerts);
            orgs.add(o);
        }
        out.put("organisations", orgs);
        out.put("healthy", healthy);
        out.put("now", now.toString());
        return out;
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> r, PrintStream out) {
        Instant now = Instant.parse((String) r.get("now"));
        out.println("Store " + r.get("store") + ", schema " + r.get("schema"));
        out.println(r.get("service") == null ? "Service: NOT RUNNING on this store (what follows is what it last recorded)"
                : "Service: running, " + r.get("service"));
        for (Map<String, Object> o : (List<Map<String, Object>>) r.get("organisations")) {
            out.println(o.get("name") + " [" + o.get("id") + "] " + o.get("address"));
            if (o.get("recordedAt") == null) {
                out.println(r.get("service") == null ? "  no health record: the service has not run with this store"
                        : "  starting: no health record yet (the first comes within the health check interval)");
            } else {
                out.println("  watched:  " + ago((String) o.get("lastWatched"), now)
                        + (o.get("mailboxError") == null ? "" : "   last error: " + o.get("mailboxError")));
                out.println("  SMTP:     " + (o.get("lastSmtpDelivery") == null ? "no mail sent since start" : "last delivery "
                        + ago((String) o.get("lastSmtpDelivery"), now)) + (o.get("smtpError") == null ? "" : "   last error: " + o.get("smtpError")));
                out.println("  recorded: " + ago((String) o.get("recordedAt"), now));
            }
            out.println("  outbox:   " + o.get("outboxPending") + " pending, " + o.get("outboxFailed") + " failed");
            List<Map<String, Object>> alerts = (List<Map<String, Object>>) o.get("alerts");
            if (alerts.isEmpty()) {
                out.println("  alerts:   none");
            }
            for (Map<String, Object> a : alerts) {
                out.println("  ALERT:    " + a.get("problem") + " since " + a.get("since") + " (" + a.get("sent") + " alert(s) sent): " + a.get("detail"));
            }
        }
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
