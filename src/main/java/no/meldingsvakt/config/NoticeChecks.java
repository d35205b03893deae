package no.meldingsvakt.config;

import java.util.List;
import java.util.Map;

/**
 * How a notice is read and checked against the routine: the service vocabulary (canonical name to
 * the extra words that mean it), how many days ahead planned work must be announced, and the
 * freeze periods for planned work.
 */
public record NoticeChecks(Map<String, List<String>> services, int minNoticeDays, List<FreezePeriod> freezePeriods) {
    /** School summer, Christmas and Easter holidays, as most Norwegian municipalities have them. */
    public static final List<FreezePeriod> DEFAULT_FREEZE = List.of(
            new FreezePeriod("sommerferie", DateRule.parse("06-20").orElseThrow(), DateRule.parse("08-16").orElseThrow()),
            new FreezePeriod("juleferie", DateRule.parse("12-21").orElseThrow(), DateRule.parse("01-02").orElseThrow()),
            new FreezePeriod("påskeferie", DateRule.parse("easter-6").orElseThrow(), DateRule.parse("easter+1").orElseThrow()));

    public static NoticeChecks defaults() {
        return new NoticeChecks(Map.of(), 7, DEFAULT_FREEZE);
    }
}
