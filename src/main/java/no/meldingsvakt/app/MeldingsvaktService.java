package no.meldingsvakt.app;

import no.meldingsvakt.template.Templates;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Duration;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.monitor.HealthMonitor;
import no.meldingsvakt.store.Instance;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreLock;
import no.meldingsvakt.web.Console;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The long-running service: store, outbox drainer, a watcher per mailbox whose lease it holds, health monitor, case follow-up. */
public final class MeldingsvaktService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeldingsvaktService.class);
    private final Injector injector;
    private final AppConfig config;
    private MailboxLeases mailboxes;
    private OutboxDrainer drainer;
    private HealthMonitor monitor;
    private Scheduler scheduler;
    private boolean started;
    private StoreLock lock;

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class path
        // for every Multipart it creates (jakartaee/mail-api#699, fixed in 2.2): under a burst the
        // watchers queue on the jar file's lock. Named here, it is one Class.forName.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MeldingsvaktService(Injector injector, AppConfig config) {
        this.injector = injector;
        this.config = config;
    }

    public static MeldingsvaktService create(AppConfig config, Clock clock, ServiceSettings settings) {
        Injector injector = Guice.createInjector(new CoreModule(config, clock, settings), new StoreModule(), new TemplateModule(),
                new PipelineModule(), new AuthModule(), new OutboundModule(), new MailboxModule(), new FollowUpModule(), new ConsoleModule(),
                new ReportModule());
        return new MeldingsvaktService(injector, config);
    }

    private void warmUp(Templates templates) {
        if (config.organisations().isEmpty()) {
            return;
        }
        no.meldingsvakt.config.OrganisationConfig first = config.organisations().get(0);
        try {
            Duration took = Warmup.run(first, templates.forOrganisation(first), injector.getInstance(no.meldingsvakt.outbound.MailFactory.class),
                    injector.getInstance(Clock.class));
            LOG.info("warmed up (parser, classifier, calendar, templates) in {} ms", took.toMillis());
        } catch (Exception | LinkageError e) {
            LOG.warn("warm-up failed; the first notice will be slower: {}", e.toString());
        }
    }

    /**
     * Opens the store, checks every organisation's templates, then starts delivering, takes the
     * leases of the mailboxes no other instance watches, and starts the scheduled jobs.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (config.postgres().isEmpty()) {
            // Two services on one SQLite file would move each other's mail: the second one stops here.
            lock = StoreLock.acquire(config.storePath());
        }
        Store store = injector.getInstance(Store.class);
        Templates templates = injector.getInstance(Templates.class);
        config.organisations().forEach(o -> templates.forOrganisation(o).validate());
        config.organisations().stream().filter(o -> o.trust().none()).forEach(o -> LOG.warn("mailbox {}: trust: none: From lines are"
                + " believed, so a stranger can forge a sender; set trust.authserv_ids (README, Security)", o.id()));
        ServiceSettings settings = injector.getInstance(ServiceSettings.class);
        warmUp(templates);
        scheduler = new Scheduler(4);
        drainer = injector.getInstance(OutboxDrainer.class);
        drainer.start();
        mailboxes = injector.getInstance(MailboxLeases.class);
        mailboxes.tick();
        Duration renew = settings.leaseTtl().dividedBy(3);
        scheduler.every("leases", renew, renew, mailboxes::tick);
        monitor = injector.getInstance(HealthMonitor.class);
        monitor.recordStart();
        Duration check = config.health().checkEvery();
        scheduler.every("health check", check, check, monitor::check);
        FollowUpJob followUp = injector.getInstance(FollowUpJob.class);
        scheduler.every("follow-up", Duration.ZERO, followUp.every(), followUp::tick);
        MonthlyReportJob monthly = injector.getInstance(MonthlyReportJob.class);
        scheduler.every("monthly report", Duration.ZERO, followUp.every(), monthly::tick);
        injector.getInstance(SentFolderJob.class).schedule(scheduler);
        injector.getInstance(StoreMaintenanceJob.class).schedule(scheduler);
        console().ifPresent(Console::start);
        started = true;
        LOG.info("Meldingsvakt started as {}: {} of {} mailbox(es) watched here, store {}, {} mail(s) waiting in the outbox",
                injector.getInstance(Instance.class), mailboxes.watched(), config.organisations().size(),
                config.postgres().map(p -> p.url()).orElse(config.storePath().toString()), store.outbox().pending());
    }

    /** The console, when the config has a {@code console:} section. */
    public Optional<Console> console() {
        return injector.getInstance(com.google.inject.Key.get(new com.google.inject.TypeLiteral<Optional<Console>>() {}));
    }

    public Store store() {
        return injector.getInstance(Store.class);
    }

    /** What the watchers and the outbox last reported for an organisation. */
    public Health.Snapshot health(String org) {
        return injector.getInstance(Health.class).snapshot(org);
    }

    /** Stops the monitor and the watchers first (no new work), then the outbox, then closes the store. */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        console().ifPresent(Console::stop);
        scheduler.stop();
        mailboxes.stop();
        drainer.stop();
        injector.getInstance(Database.class).close();
        if (lock != null) {
            lock.close();
        }
        started = false;
        LOG.info("Meldingsvakt stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
