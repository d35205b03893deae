package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.mailbox.MailboxWatcher;
import no.meldingsvakt.mailbox.WatcherPool;
import no.meldingsvakt.metrics.ServiceMetrics;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;

/** One watcher per organisation whose lease this instance holds; a commit wakes the outbox so mail leaves at once, and is counted in the metrics. */
final class MailboxModule extends AbstractModule {

    @Provides
    @Singleton
    MailboxLeases watchers(AppConfig config, Map<String, Credentials> credentials, Health health, NoticePipeline pipeline,
            Store store, OutboxDrainer drainer, Clock clock, ServiceSettings settings, Leases leases, ServiceMetrics metrics) {
        WatcherPool pool = WatcherPool.create();
        return new MailboxLeases(config.organisations(), leases, org -> new MailboxWatcher(org, credentials.get(org.id()), health, pipeline,
                store, (in, took) -> {
                    drainer.wake();
                    metrics.recorded(in, took);
                }, clock, settings.watcher().withMessageDeadline(config.messageDeadline()), pool), health, pool);
    }
}
