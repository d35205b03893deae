package no.meldingsvakt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.app.ServiceSettings;
import no.meldingsvakt.store.Alerts;
import no.meldingsvakt.store.Instance;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the running service last recorded about each mailbox: watched when, SMTP, outbox, open
 * alerts, and whether a service runs on the store at all. Exit 1 while any alert is open or no
 * service runs; a service that has just started is not an alarm.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether every mailbox is watched and mail is leaving.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption = new ConfigOption();

    @Option(names = "--json", description = "One JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path config = configOption.resolve();
        AppConfig c;
        try {
            c = ConfigLoader.withoutSecrets().load(config);
        } catch (ConfigException e) {
            return CalendarCommand.configError(config, e);
        }
        try (Database db = Database.forReading(c.storePath(), c.postgres())) {
            Report report = report(Store.of(db, java.time.Clock.systemUTC()), c, Instant.now());
            if (json) {
                System.out.println(new ObjectMapper().writeValueAsString(report));
            } else {
                print(report, System.out);
            }
            return report.healthy() ? 0 : 1;
        } catch (no.meldingsvakt.store.StoreException e) {
            System.err.println(e.getMessage());
            return Main.CONFIG_ERROR;
        }
    }

    /** Everything status shows; the JSON output is this record as it stands. */
    record Report(String store, String service, List<String> schema, List<Mailbox> organisations, boolean healthy, String now,
            List<String> instances) {}

    /** One organisation's mailbox as the running service last recorded it. */
    record Mailbox(String id, String name, String address, String lastWatched, String lastSmtpDelivery, String mailboxError, String smtpError,
            String recordedAt, int outboxPending, int outboxFailed, List<Alert> alerts, String watchedBy) {}

    record Alert(String problem, String since, int sent, String detail) {}

    static Report report(Store store, AppConfig c, Instant now) {
        Database db = store.database();
        Optional<String> holder;
        List<String> instances = List.of();
        java.util.Map<String, String> watchedBy = new java.util.HashMap<>();
        if (db.dialect().singleInstance()) {
            holder = StoreLock.runningHolder(c.storePath());
        } else {
            // Several instances share the store: those seen lately, and which of them holds each mailbox.
            Leases leases = Leases.shared(db, Instance.current(now), ServiceSettings.LEASE_TTL);
            instances = leases.instances(ServiceSettings.LEASE_TTL.multipliedBy(2)).stream()
                    .map(i -> i.id() + " (seen " + i.agoMillis() / 1000 + " s ago)").toList();
            leases.all().stream().filter(Leases.Holder::live).forEach(h -> watchedBy.put(h.name(), h.instance()));
            holder = instances.isEmpty() ? Optional.empty() : Optional.of(instances.size() + " instance(s): " + String.join(", ", instances));
        }
        boolean healthy = holder.isPresent();
        List<Mailbox> orgs = new ArrayList<>();
        for (OrganisationConfig org : c.organisations()) {
            Optional<Alerts.Saved> h = store.alerts().health(org.id());
            Outbox.Counts counts = store.outbox().counts(org.id());
            List<Alert> alerts = store.alerts().open(org.id()).stream().map(a -> new Alert(a.problem(), a.since().toString(), a.sentCount(), a.detail()))
                    .toList();
            healthy &= alerts.isEmpty();
            orgs.add(new Mailbox(org.id(), org.name(), org.address(), iso(h.flatMap(Alerts.Saved::lastWatched)), iso(h.flatMap(Alerts.Saved::lastSmtpOk)),
                    h.flatMap(Alerts.Saved::mailboxError).orElse(null), h.flatMap(Alerts.Saved::smtpError).orElse(null),
                    h.map(x -> x.updatedAt().toString()).orElse(null), counts.pending(), counts.failed(), alerts,
                    db.dialect().singleInstance() ? null : watchedBy.getOrDefault(org.id(), "NO INSTANCE")));
        }
        String where = c.postgres().map(p -> p.url()).orElse(c.storePath().toAbsolutePath().toString());
        return new Report(where, holder.orElse(null), db.appliedMigrations(), List.copyOf(orgs), healthy, now.toString(), instances);
    }

    private static String iso(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    static void print(Report r, PrintStream out) {
        Instant now = Instant.parse(r.now());
        out.println("Store " + r.store() + ", schema " + r.schema());
        out.println(r.service() == null ? "Service: NOT RUNNING on this store (what follows is what it last recorded)"
                : "Service: running, " + r.service());
        for (Mailbox o : r.organisations()) {
            out.println(o.name() + " [" + o.id() + "] " + o.address());
            if (o.watchedBy() != null) {
                out.println("  held by:  " + o.watchedBy());
            }
            if (o.recordedAt() == null) {
                out.println(r.service() == null ? "  no health record: the service has not run with this store"
                        : "  starting: no health record yet (the first comes within the health check interval)");
            } else {
                out.println("  watched:  " + ago(o.lastWatched(), now) + (o.mailboxError() == null ? "" : "   last error: " + o.mailboxError()));
                out.println("  SMTP:     " + (o.lastSmtpDelivery() == null ? "no mail sent since start" : "last delivery "
                        + ago(o.lastSmtpDelivery(), now)) + (o.smtpError() == null ? "" : "   last error: " + o.smtpError()));
                out.println("  recorded: " + ago(o.recordedAt(), now));
            }
            out.println("  outbox:   " + o.outboxPending() + " pending, " + o.outboxFailed() + " failed");
            if (o.alerts().isEmpty()) {
                out.println("  alerts:   none");
            }
            for (Alert a : o.alerts()) {
                out.println("  ALERT:    " + a.problem() + " since " + a.since() + " (" + a.sent() + " alert(s) sent): " + a.detail());
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
