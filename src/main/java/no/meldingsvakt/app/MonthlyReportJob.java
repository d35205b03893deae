package no.meldingsvakt.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.report.MonthlyMail;
import no.meldingsvakt.report.MonthlyReport;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.report.ReportPeriod;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues last month's report for each organisation with {@code report_to}, once the first business
 * day of this month has opened. The outbox keys make it once: a service that was down over that
 * day queues it when it comes back, and a restart after it was queued queues nothing. Runs on the
 * instance that holds the jobs' lease.
 */
final class MonthlyReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportJob.class);
    private final List<OrganisationConfig> orgs;
    private final Store store;
    private final ReportBuilder reports;
    private final MonthlyMail mail;
    private final Clock clock;
    private final Runnable wake;
    private final BooleanSupplier leader;

    MonthlyReportJob(List<OrganisationConfig> orgs, Store store, ReportBuilder reports, MonthlyMail mail, Clock clock, Runnable wake,
            BooleanSupplier leader) {
        this.orgs = orgs.stream().filter(o -> !o.reportTo().isEmpty()).toList();
        this.store = store;
        this.reports = reports;
        this.mail = mail;
        this.clock = clock;
        this.wake = wake;
        this.leader = leader;
    }

    void tick() {
        if (orgs.isEmpty() || !leader.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        for (OrganisationConfig org : orgs) {
            try {
                if (due(org, now)) {
                    queue(org, ReportPeriod.month(YearMonth.from(now.atZone(BusinessCalendar.OSLO)).minusMonths(1)));
                }
            } catch (RuntimeException e) {
                LOG.error("monthly report for {} failed; trying again on the next tick: {}", org.id(), e.toString());
            }
        }
    }

    /** Whether this month's first business day has opened (its opening hour in the organisation's business hours). */
    static boolean due(OrganisationConfig org, Instant now) {
        BusinessCalendar cal = new BusinessCalendar(org.businessHours());
        ZonedDateTime t = now.atZone(BusinessCalendar.OSLO);
        LocalDate day = t.toLocalDate().withDayOfMonth(1);
        while (cal.open(day).isEmpty()) {
            day = day.plusDays(1);
        }
        return !t.isBefore(ZonedDateTime.of(day, cal.open(day).get().start(), BusinessCalendar.OSLO));
    }

    private void queue(OrganisationConfig org, ReportPeriod period) {
        List<String> keys = no.meldingsvakt.outbound.ListMail.recipients(org, org.reportTo()).stream().map(to -> MonthlyMail.key(org, period, to))
                .toList();
        if (keys.isEmpty() || keys.stream().allMatch(store.outbox()::hasKey)) {
            return;
        }
        if (!store.history().anythingBefore(org.id(), period.end())) {
            return; // the service did not run then: no report of an empty month it never watched
        }
        MonthlyReport r = reports.build(org, period);
        List<OutgoingMail> mails = mail.compose(org, r);
        int added = store.cases().enqueue(org.id(), null, mails, "monthly-report", period.id() + " to " + String.join(", ", org.reportTo()));
        if (added > 0) {
            LOG.info("monthly report {} for {} queued to {} address(es)", period.id(), org.id(), added);
            wake.run();
        }
    }
}
