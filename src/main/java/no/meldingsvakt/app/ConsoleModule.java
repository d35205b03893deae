package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.mailbox.QuarantineRelease;
import no.meldingsvakt.metrics.ServiceMetrics;
import no.meldingsvakt.metrics.StoreFigures;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.web.Console;

/** The metrics every part reports to, and the console that serves them with the pages (when {@code console:} is configured). */
final class ConsoleModule extends AbstractModule {
    @Provides
    @Singleton
    ServiceMetrics metrics(AppConfig config, Health health, Store store, Clock clock) {
        return new ServiceMetrics(config, health, new StoreFigures(config, store, clock));
    }

    @Provides
    @Singleton
    Optional<Console> console(AppConfig config, Store store, Health health, ServiceMetrics metrics, Map<String, Credentials> credentials,
            ReportBuilder reports, Clock clock) {
        return config.console().map(c -> new Console(config, c, store, health, metrics, new QuarantineRelease(credentials, Duration.ofSeconds(30)),
                reports, clock));
    }
}
