package no.meldingsvakt.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report as JSON: every number by a stable name, times as ISO instants, absent values as null. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static String of(MonthlyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisation", r.org());
        m.put("name", r.orgName());
        m.put("from", r.period().from().toString());
        m.put("to", r.period().to().minusDays(1).toString());
        m.put("made", r.made().toString());
        m.put("overall", figures(r.overall()));
        Map<String, Object> partners = new LinkedHashMap<>();
        r.byPartner().forEach((p, f) -> partners.put(p, figures(f)));
        m.put("partners", partners);
        m.put("at_end", Map.of("open", r.atEnd().open(), "overdue", r.atEnd().overdue(), "quarantined", r.atEnd().quarantined(),
                "bounced", r.atEnd().bounced()));
        m.put("deviations", r.deviations().stream().map(d -> ordered("case", d.caseRef(), "partner", d.partner(), "at", d.at().toString(),
                "side", d.side(), "kind", d.kind(), "text", d.text())).toList());
        m.put("answered_in_time_by_month", r.last12().stream().map(s -> ordered("month", s.month().toString(), "decided", s.decided(),
                "in_time", s.inTime(), "share", s.share().orElse(null))).toList());
        m.put("cases", r.cases().stream().map(c -> ordered("case", c.ref(), "arrived", c.arrived().toString(), "category", c.category(),
                "partner", c.partner(), "due", c.due().map(Object::toString).orElse(null), "answered", c.answered().map(Object::toString).orElse(null),
                "in_time", c.inTime().orElse(null), "answer_business_hours", c.answerHours().orElse(null), "problems", c.problems())).toList());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notices", ordered("by_category", f.notices().byCategory(), "automatic", f.notices().automatic(), "unknown", f.notices().unknown()));
        m.put("deviations", f.deviations());
        Figures.OurSide o = f.ours();
        m.put("ours", ordered("receipts_sent", o.receipts(), "receipt_minutes_median", n(o.receiptMedianMinutes()),
                "receipt_minutes_p90", n(o.receiptP90Minutes()), "cases_decided", o.decided(), "answered_in_time", o.inTime(),
                "share_in_time", n(o.shareInTime()), "answer_business_hours_median", n(o.answerMedianHours()),
                "answer_business_hours_p90", n(o.answerP90Hours()), "reminders", o.reminders(), "escalations", o.escalations()));
        m.put("downtime", ordered("planned_hours", f.downtime().plannedHours(), "incident_hours", f.downtime().incidentHours(),
                "incidents_timed", f.downtime().incidentsTimed()));
        return m;
    }

    private static Object n(Optional<Double> v) {
        return v.orElse(null);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

}
