package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.mailbox.IntakeEvents;
import no.meldingsvakt.mailbox.MailboxWatcher;
import no.meldingsvakt.mailbox.WatcherPool;
import no.meldingsvakt.metrics.ServiceMetrics;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;

/**
 * One watcher per organisation whose lease this instance holds. A new message being read opens its
 * organisation's SMTP connection ahead; a commit wakes the outbox so mail leaves at once, and is
 * counted in the metrics.
 */
final class MailboxModule extends AbstractModule {

    @Provides
    @Singleton
    MailboxLeases watchers(AppConfig config, Map<String, Credentials> credentials, Health health, NoticePipeline pipeline,
            Store store, OutboxDrainer drainer, Clock clock, ServiceSettings settings, Leases leases, ServiceMetrics metrics) {
        WatcherPool pool = WatcherPool.create();
        return new MailboxLeases(config.organisations(), leases, org -> new MailboxWatcher(org, credentials.get(org.id()), health, pipeline,
                store, new IntakeEvents() {
                    @Override
                    public void reading(String org) {
                        drainer.prepare(org);
                    }

                    @Override
                    public void committed(Intake in, Duration took) {
                        drainer.wake();
                        metrics.recorded(in, took);
                    }
                }, clock, settings.watcher().withMessageDeadline(config.messageDeadline()), pool), health, pool);
    }
}
