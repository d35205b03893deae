package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.outbound.JakartaSmtpSender;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.outbound.SmtpSender;
import no.meldingsvakt.store.Store;

/** SMTP delivery of the outbox. */
final class OutboundModule extends AbstractModule {
    @Provides
    @Singleton
    SmtpSender smtp(AppConfig config, Map<String, Credentials> credentials) {
        return new JakartaSmtpSender(config.organisations(), credentials);
    }

    @Provides
    @Singleton
    OutboxDrainer drainer(Store store, SmtpSender smtp, Health health, Clock clock, ServiceSettings settings) {
        return new OutboxDrainer(store, smtp, health, clock, settings.outboxRetry());
    }
}
