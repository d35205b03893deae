package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.store.Alerts;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Instance;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.store.Retention;
import no.meldingsvakt.store.Store;

/** The store (SQLite, or PostgreSQL shared by several instances); opened and migrated when first needed, not while wiring. */
final class StoreModule extends AbstractModule {
    @Provides
    @Singleton
    Instance instance(Clock clock) {
        return Instance.current(clock.instant());
    }

    @Provides
    @Singleton
    Database database(AppConfig config, Instance instance) {
        return Database.forService(config.storePath(), config.postgres(), instance.id());
    }

    @Provides
    @Singleton
    Leases leases(Database db, Instance instance, ServiceSettings settings) {
        return db.dialect().singleInstance() ? Leases.alone(db, instance) : Leases.shared(db, instance, settings.leaseTtl());
    }

    @Provides
    @Singleton
    Store store(Database db, Clock clock, Leases leases) {
        return Store.of(db, clock, leases);
    }

    @Provides
    MessageLog messages(Store store) {
        return store.messages();
    }

    @Provides
    Outbox outbox(Store store) {
        return store.outbox();
    }

    @Provides
    Cases cases(Store store) {
        return store.cases();
    }

    @Provides
    Alerts alerts(Store store) {
        return store.alerts();
    }

    @Provides
    @Singleton
    StoreMaintenanceJob maintenance(Database db, Clock clock, AppConfig config, Leases leases) {
        return new StoreMaintenanceJob(new Retention(db, clock), config.retention(), java.time.Duration.ofMinutes(5), () -> leases.holds(Leases.JOBS));
    }
}
