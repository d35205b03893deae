package no.meldingsvakt.report;

import java.util.Map;
import java.util.Optional;

/** The numbers of one group (the whole organisation, or one partner) in a period. */
public record Figures(Notices notices, Map<String, Integer> deviations, OurSide ours, Downtime downtime) {

    /** Notices by category; automatic and unrecognised mail counted apart. */
    public record Notices(Map<String, Integer> byCategory, int automatic, int unknown) {
        public int total() {
            return byCategory.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * The organisation's side. {@code decided}: cases with a deadline that were answered or whose
     * deadline has passed; a case still within its deadline is not counted either way.
     */
    public record OurSide(int receipts, Optional<Double> receiptMedianMinutes, Optional<Double> receiptP90Minutes, int decided, int inTime,
            Optional<Double> answerMedianHours, Optional<Double> answerP90Hours, int reminders, int escalations) {
        public Optional<Double> shareInTime() {
            return decided == 0 ? Optional.empty() : Optional.of((double) inTime / decided);
        }
    }

    /** Planned downtime (windows that began in the period, not cancelled) and incidents whose start and end are both known. */
    public record Downtime(double plannedHours, double incidentHours, int incidentsTimed) {}

    public int deviationCount() {
        return deviations.values().stream().mapToInt(Integer::intValue).sum();
    }
}
