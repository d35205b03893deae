package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Retention;
import no.meldingsvakt.store.Store;

/** The SQLite store; opened (and migrated) when first needed, not while wiring. */
final class StoreModule extends AbstractModule {
    @Provides
    @Singleton
    Database database(AppConfig config) {
        return Database.open(config.storePath());
    }

    @Provides
    @Singleton
    Store store(Database db, Clock clock) {
        return new Store(db, clock);
    }

    @Provides
    @Singleton
    StoreMaintenanceJob maintenance(Database db, Clock clock, AppConfig config) {
        return new StoreMaintenanceJob(new Retention(db, clock), config.retention(), java.time.Duration.ofMinutes(5));
    }

    @Provides
    @Singleton
    Cases cases(Database db, Store store, Clock clock) {
        return new Cases(db, store, clock);
    }
}
