package no.meldingsvakt.app;

import no.meldingsvakt.template.Templates;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import no.meldingsvakt.action.Reminders;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.mailbox.SentFolderWatcher;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;

/** Following cases up: reminders and escalation on a tick, and the Sent folders that show an answer went out. */
final class FollowUpModule extends AbstractModule {
    @Provides
    @Singleton
    Reminders reminders(Cases cases, ListMail lists, Templates templates) {
        return new Reminders(cases, lists, templates);
    }

    @Provides
    @Singleton
    FollowUpJob followUp(AppConfig config, Reminders reminders, Clock clock, ServiceSettings settings, OutboxDrainer drainer, Leases leases) {
        return new FollowUpJob(config.organisations(), reminders, clock, settings.followUpEvery(), drainer::wake, () -> leases.holds(Leases.JOBS));
    }

    @Provides
    @Singleton
    SentFolderJob sentFolders(AppConfig config, Map<String, Credentials> credentials, Store store, Cases cases, ServiceSettings settings,
            Leases leases, MailboxLeases mailboxes) {
        return new SentFolderJob(config.organisations().stream().filter(o -> o.cases().sentFolder().isPresent())
                .map(o -> new SentFolderWatcher(o, o.cases().sentFolder().get(), credentials.get(o.id()), store, cases,
                        settings.sentFolderEvery(), settings.watcher().readTimeout(), mailboxes::status))
                .toList(), () -> leases.holds(Leases.JOBS));
    }
}
