package no.meldingsvakt.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One organisation's report for a period: the figures overall and per partner (by the sender's
 * domain), what was still open when the period ended, every deviation with its case, the share
 * answered in time for each of the last twelve months, and one line per case for the CSV.
 */
public record MonthlyReport(String org, String orgName, ReportPeriod period, Instant made, Figures overall, Map<String, Figures> byPartner,
        AtEnd atEnd, List<Deviation> deviations, List<MonthShare> last12, List<CaseLine> cases) {

    /** Cases still awaiting an answer when the period ended, those of them overdue, quarantined messages and bounces. */
    public record AtEnd(int open, int overdue, int quarantined, int bounced) {}

    /** One deviation from the routine, by the partner ({@code side} "partner") or by us ("us"). */
    public record Deviation(String caseRef, String partner, Instant at, String side, String kind, String text) {}

    /** Of the cases opened in a month with a deadline, how many were decided and how many answered in time. */
    public record MonthShare(YearMonth month, int decided, int inTime) {
        public Optional<Double> share() {
            return decided == 0 ? Optional.empty() : Optional.of((double) inTime / decided);
        }
    }

    /** A case of the period as the CSV lists it. */
    public record CaseLine(String ref, Instant arrived, String category, String partner, Optional<Instant> due, Optional<Instant> answered,
            Optional<Boolean> inTime, Optional<Double> answerHours, List<String> problems) {}
}
