package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.outbound.OutboxDrainer;
import no.meldingsvakt.report.MonthlyMail;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.store.Leases;
import no.meldingsvakt.store.Store;

/** The monthly report: built from the store, mailed once a month to the {@code report_to} lists. */
final class ReportModule extends AbstractModule {
    @Provides
    @Singleton
    ReportBuilder reports(Store store, Clock clock) {
        return new ReportBuilder(store, clock);
    }

    @Provides
    @Singleton
    MonthlyReportJob monthly(AppConfig config, Store store, ReportBuilder reports, MailFactory mail, Clock clock, OutboxDrainer drainer,
            Leases leases) {
        return new MonthlyReportJob(config.organisations(), store, reports, new MonthlyMail(mail), clock, drainer::wake,
                () -> leases.holds(Leases.JOBS));
    }
}
