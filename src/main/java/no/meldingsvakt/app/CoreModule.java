package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import java.time.Clock;
import no.meldingsvakt.config.AppConfig;

/** The loaded config, the clock and the timings: values every other module reads. */
final class CoreModule extends AbstractModule {
    private final AppConfig config;
    private final Clock clock;
    private final ServiceSettings settings;

    CoreModule(AppConfig config, Clock clock, ServiceSettings settings) {
        this.config = config;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
        bind(ServiceSettings.class).toInstance(settings);
    }
}
