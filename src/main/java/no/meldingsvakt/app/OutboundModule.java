package no.meldingsvakt.app;

import no.meldingsvakt.template.Templates;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.monitor.HealthMonitor;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.outbound.JakartaSmtpSender;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.outbound.SentJournal;
import no.meldingsvakt.outbound.SmtpSender;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;

/** SMTP delivery of the outbox. */
final class OutboundModule extends AbstractModule {
    @Provides
    @Singleton
    SmtpSender smtp(AppConfig config, Map<String, Credentials> credentials) {
        return new JakartaSmtpSender(config.organisations(), credentials, config.fallbackSmtp());
    }

    @Provides
    @Singleton
    HealthMonitor monitor(AppConfig config, Health health, Store store, MailFactory mail, Templates templates, Clock clock,
            OutboxDrainer drainer, Leases leases) {
        return new HealthMonitor(config, health, store, mail, templates, clock, drainer::wake, leases);
    }

    @Provides
    @Singleton
    OutboxDrainer drainer(AppConfig config, Store store, SmtpSender smtp, Health health, Clock clock, ServiceSettings settings, Leases leases) {
        SentJournal journal = new SentJournal(config.sentJournal());
        return new OutboxDrainer(store, smtp, health, journal, clock, settings.outboxRetry(), leases.instance().id());
    }
}
