package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import no.meldingsvakt.auth.Credentials;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.health.Health;

/** Credentials per organisation (tokens are fetched lazily, at the first login) and the shared health state. */
final class AuthModule extends AbstractModule {
    @Provides
    @Singleton
    Map<String, Credentials> credentials(AppConfig config, Clock clock, ServiceSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return config.organisations().stream()
                .collect(Collectors.toUnmodifiableMap(o -> o.id(), o -> Credentials.of(o, http, clock, settings.tokenTimeout())));
    }

    @Provides
    @Singleton
    Health health(Clock clock) {
        return new Health(clock);
    }
}
