package no.meldingsvakt.monitor;

import no.meldingsvakt.template.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.HealthConfig;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.health.Problem;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Alerts;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every organisation on a schedule and turns silence into mail: one alert when a
 * problem starts, repeats with doubling intervals while it lasts, one all-clear when it ends. Alert
 * state lives in the store, so a restart neither forgets an alert nor sends it again. An alert
 * about a broken SMTP server goes out through the fallback SMTP server when one is configured.
 */
public final class HealthMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm:ss").withZone(BusinessCalendar.OSLO);

    private final AppConfig config;
    private final Health health;
    private final Store store;
    private final MailFactory mail;
    private final Templates templates;
    private final Clock clock;
    private final Runnable queued;
    private final Leases leases;

    public HealthMonitor(AppConfig config, Health health, Store store, MailFactory mail, Templates templates, Clock clock,
            Runnable queued, Leases leases) {
        this.config = config;
        this.health = health;
        this.store = store;
        this.mail = mail;
        this.templates = templates;
        this.clock = clock;
        this.queued = queued;
        this.leases = leases;
    }

    /** A record at once for each mailbox this instance watches, so `status` sees a service that has just started. */
    public void recordStart() {
        store.alerts().saveHealth(config.organisations().stream().filter(o -> leases.holds(o.id())).map(this::record).toList());
    }

    private Alerts.HealthRecord record(OrganisationConfig org) {
        Health.Snapshot s = health.snapshot(org.id());
        return new Alerts.HealthRecord(org.id(), leases.instance().id(), s.lastWatched(), s.lastSmtpOk(), s.lastMailboxError(), s.lastSmtpError());
    }

    /**
     * One look at every organisation. The instance that watches a mailbox judges it by what its
     * watcher saw; a mailbox nobody watches is judged by the instance that holds the jobs' lease,
     * from the store's leases, so a standby never raises an alarm about what another instance does.
     */
    public void check() {
        Map<String, Leases.Holder> lease = new HashMap<>();
        boolean leader = leases.holds(Leases.JOBS);
        if (leader) {
            leases.all().forEach(h -> lease.put(h.name(), h));
        }
        store.alerts().saveHealth(config.organisations().stream().filter(o -> leases.holds(o.id())).map(this::record).toList());
        for (OrganisationConfig org : config.organisations()) {
            Map<Problem, Finding> now;
            Health.Snapshot s = health.snapshot(org.id());
            if (leases.holds(org.id())) {
                now = problems(org, s);
            } else if (leader && (lease.get(org.id()) == null || !lease.get(org.id()).live())) {
                now = unheld(org, lease.get(org.id()));
            } else {
                continue;
            }
            judge(org, s, now);
        }
    }

    /** No instance holds the mailbox's lease: since it ran out (or since this instance started, if it never existed). */
    private Map<Problem, Finding> unheld(OrganisationConfig org, Leases.Holder last) {
        Map<Problem, Finding> out = new EnumMap<>(Problem.class);
        Instant since = last == null ? health.snapshot(org.id()).since() : Instant.ofEpochMilli(last.expiresAtMillis());
        if (Duration.between(since, clock.instant()).compareTo(config.health().unwatchedAfter()) > 0) {
            out.put(Problem.UNWATCHED, new Finding(since, "ingen instans av Meldingsvakt overvåker postkassen siden " + SHOWN.format(since)
                    + (last == null ? "" : "; sist overvåket av " + last.instance())));
        }
        return out;
    }

    private void judge(OrganisationConfig org, Health.Snapshot s, Map<Problem, Finding> now) {
        Map<Problem, Alerts.Alert> open = new EnumMap<>(Problem.class);
        store.alerts().open(org.id()).forEach(a -> open.put(Problem.fromId(a.problem()), a));
        boolean any = false;
        for (Map.Entry<Problem, Finding> e : now.entrySet()) {
            Alerts.Alert a = open.get(e.getKey());
            if (a == null || due(a)) {
                Instant since = a == null ? e.getValue().since() : a.since();
                int count = a == null ? 1 : a.sentCount() + 1;
                LOG.warn("{}: {} since {} ({}); alert {}", org.id(), e.getKey().id(), since, e.getValue().detail(), count);
                store.alerts().sent(org.id(), e.getKey().id(), since, e.getValue().detail(),
                        mails(org, "health-alert", e.getKey(), since, e.getValue().detail(), count, via(e.getKey(), s)));
                any = true;
            }
        }
        for (Map.Entry<Problem, Alerts.Alert> e : open.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                LOG.info("{}: {} is over", org.id(), e.getKey().id());
                store.alerts().cleared(org.id(), e.getKey().id(),
                        mails(org, "health-clear", e.getKey(), e.getValue().since(), "", e.getValue().sentCount(), via(e.getKey(), s)));
                any = true;
            }
        }
        if (any) {
            queued.run();
        }
    }

    private record Finding(Instant since, String detail) {}

    private Map<Problem, Finding> problems(OrganisationConfig org, Health.Snapshot s) {
        HealthConfig h = config.health();
        Instant now = clock.instant();
        Map<Problem, Finding> out = new EnumMap<>(Problem.class);
        Instant watched = s.lastWatched().orElse(s.since());
        if (Duration.between(watched, now).compareTo(h.unwatchedAfter()) > 0) {
            out.put(Problem.UNWATCHED, new Finding(watched, "ikke bekreftet overvåket siden " + SHOWN.format(watched)
                    + s.lastMailboxError().map(e -> "; " + e).orElse("")));
        }
        if (s.mailboxAuthFailures() >= h.authFailures() || s.smtpAuthFailures() >= h.authFailures()) {
            String which = s.mailboxAuthFailures() >= h.authFailures() ? "IMAP" : "SMTP";
            String error = which.equals("IMAP") ? s.lastMailboxError().orElse("") : s.lastSmtpError().orElse("");
            out.put(Problem.LOGIN, new Finding(now, which + "-innloggingen har feilet "
                    + Math.max(s.mailboxAuthFailures(), s.smtpAuthFailures()) + " ganger på rad: " + error));
        }
        Outbox.Pending pending = store.outbox().pendingVia(org.id());
        if (pending.oldest().isPresent() && Duration.between(pending.oldest().get(), now).compareTo(h.undeliverableAfter()) > 0) {
            out.put(Problem.UNDELIVERABLE, new Finding(pending.oldest().get(), pending.count() + " e-post(er) venter i utboksen, den eldste fra "
                    + SHOWN.format(pending.oldest().get()) + s.lastSmtpError().map(e -> "; siste feil: " + e).orElse("")));
        }
        return out;
    }

    private boolean due(Alerts.Alert a) {
        Duration wait = config.health().repeatAfter().multipliedBy(1L << Math.min(a.sentCount() - 1, 20));
        if (wait.compareTo(config.health().repeatMax()) > 0) {
            wait = config.health().repeatMax();
        }
        return !clock.instant().isBefore(a.lastSent().plus(wait));
    }

    /** Alerts about sending go out another way, where there is one. */
    private String via(Problem p, Health.Snapshot s) {
        boolean smtpBroken = p == Problem.UNDELIVERABLE || s.smtpFailures() > 0;
        return smtpBroken && config.fallbackSmtp().isPresent() ? OutgoingMail.VIA_FALLBACK : OutgoingMail.VIA_ORG;
    }

    private List<OutgoingMail> mails(OrganisationConfig org, String template, Problem p, Instant since, String detail, int count, String via) {
        Map<String, Object> v = new HashMap<>();
        v.put("organisation", org.name());
        v.put("monitoredAddress", org.address());
        v.put("problemTitle", p.title());
        v.put("problemText", detail.isEmpty() ? p.title() : detail);
        v.put("detail", detail);
        v.put("since", SHOWN.format(since));
        v.put("count", count);
        List<String> lists = org.adminList().map(List::of).orElse(org.fallbackLists());
        String from = via.equals(OutgoingMail.VIA_FALLBACK) ? config.fallbackSmtp().get().from() : org.address();
        String key = template + ":" + org.id() + ":" + p.id() + ":" + since + ":" + count;
        MailFactory.Sender sender = new MailFactory.Sender(from, "Meldingsvakt " + org.name());
        return ListMail.recipients(org, lists).stream().map(to -> {
            String id = mail.messageId(key + ":" + to, from.substring(from.indexOf('@') + 1));
            byte[] raw = mail.copy(sender, to, templates.forOrganisation(org).render(template, v), Optional.empty(), id);
            return new OutgoingMail(OutgoingMail.ALERT, key + ":" + to, Optional.empty(), id, from, List.of(to), raw, via);
        }).toList();
    }
}
