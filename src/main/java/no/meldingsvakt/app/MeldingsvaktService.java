package no.meldingsvakt.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.time.Clock;
import java.util.List;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.health.HealthMonitor;
import no.meldingsvakt.mailbox.MailboxWatcher;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The long-running service: store, outbox drainer, one watcher per organisation, health monitor, case follow-up. */
public final class MeldingsvaktService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeldingsvaktService.class);
    private final Injector injector;
    private final AppConfig config;
    private List<MailboxWatcher> watchers = List.of();
    private OutboxDrainer drainer;
    private HealthMonitor monitor;
    private FollowUpJob followUp;
    private SentFolderJob sentFolders;
    private boolean started;
    private StoreLock lock;
    private StoreMaintenanceJob maintenance;

    private MeldingsvaktService(Injector injector, AppConfig config) {
        this.injector = injector;
        this.config = config;
    }

    public static MeldingsvaktService create(AppConfig config, Clock clock, ServiceSettings settings) {
        Injector injector = Guice.createInjector(new CoreModule(config, clock, settings), new StoreModule(), new TemplateModule(),
                new PipelineModule(), new AuthModule(), new OutboundModule(), new MailboxModule(), new FollowUpModule());
        return new MeldingsvaktService(injector, config);
    }

    /** Opens the store, checks every organisation's templates, then starts delivering and watching. */
    public synchronized void start() {
        if (started) {
            return;
        }
        // Two services on one store would move each other's mail: the second one stops here.
        lock = StoreLock.acquire(config.storePath());
        Store store = injector.getInstance(Store.class);
        NoticePipeline.Templates templates = injector.getInstance(NoticePipeline.Templates.class);
        config.organisations().forEach(o -> templates.forOrganisation(o).validate());
        config.organisations().stream().filter(o -> o.trust().none()).forEach(o -> LOG.warn("mailbox {}: trust: none: From lines are"
                + " believed, so a stranger can forge a sender; set trust.authserv_ids (README, Security)", o.id()));
        maintenance = injector.getInstance(StoreMaintenanceJob.class);
        maintenance.start();
        drainer = injector.getInstance(OutboxDrainer.class);
        drainer.start();
        watchers = injector.getInstance(Key.get(new TypeLiteral<List<MailboxWatcher>>() {}));
        for (MailboxWatcher w : watchers) {
            w.start();
            if (watchers.size() > 1) {
                // Hundreds of TLS logins at the same instant overflow a server's listen queue; a few
                // milliseconds apart they all get in (400 mailboxes: ten seconds).
                pause(STAGGER);
            }
        }
        monitor = injector.getInstance(HealthMonitor.class);
        monitor.start();
        followUp = injector.getInstance(FollowUpJob.class);
        followUp.start();
        sentFolders = injector.getInstance(SentFolderJob.class);
        sentFolders.start();
        started = true;
        LOG.info("Meldingsvakt started: {} mailbox(es), store {}, {} mail(s) waiting in the outbox",
                watchers.size(), config.storePath(), store.pendingOutbox());
    }

    private static final java.time.Duration STAGGER = java.time.Duration.ofMillis(25);

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        monitor.stop();
        followUp.stop();
        sentFolders.stop();
        watchers.forEach(MailboxWatcher::stop);
        drainer.stop();
        maintenance.stop();
        injector.getInstance(Database.class).close();
        lock.close();
        started = false;
        LOG.info("Meldingsvakt stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
