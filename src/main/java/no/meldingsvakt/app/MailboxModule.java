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
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Store;

/** One watcher per configured organisation; a commit wakes the outbox so mail leaves at once. */
final class MailboxModule extends AbstractModule {
    @Provides
    @Singleton
    List<MailboxWatcher> watchers(AppConfig config, Map<String, Credentials> credentials, Health health, NoticePipeline pipeline,
            Store store, OutboxDrainer drainer, Clock clock, ServiceSettings settings) {
        return config.organisations().stream()
                .map(org -> new MailboxWatcher(org, credentials.get(org.id()), health, pipeline, store, drainer::wake, clock,
                        settings.watcher().withMessageDeadline(config.messageDeadline())))
                .toList();
    }
}
