package no.meldingsvakt.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;

/**
 * The report as one self-contained, well-formed XHTML page in bokmål ({@code report/report.mustache}):
 * key figures first, then the charts, each partner, and every deviation with its case. Where the
 * charts come from is the caller's: data URIs for a file or the console, {@code cid:} parts in a mail.
 */
public final class ReportHtml {
    private static final Template TEMPLATE = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true)
            .compile(resource("/report/report.mustache"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(BusinessCalendar.OSLO);
    private static final Locale NB = Locale.forLanguageTag("nb");

    /** Where the two chart images are found. */
    public record Images(String answeredInTime, String perPartner) {
        public static Images inline(byte[] answered, byte[] partners) {
            return new Images(dataUri(answered), dataUri(partners));
        }

        /** The report's own two charts, drawn now and carried in the page (for a browser or a file, not a mail). */
        public static Images inline(MonthlyReport r) {
            return inline(Charts.answeredInTime(r.last12()), Charts.perPartner(r.byPartner()));
        }

        private static String dataUri(byte[] png) {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private ReportHtml() {}

    public static String of(MonthlyReport r, Images images) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "Månedsrapport for meldingsansvarlig – " + r.orgName() + " – " + r.period().label());
        m.put("org", r.orgName());
        m.put("period", r.period().label());
        m.put("made", DAY.format(r.made()));
        m.put("overall", figures(r.overall()));
        m.put("atEnd", r.atEnd());
        m.put("answeredChart", images.answeredInTime());
        m.put("partnerChart", images.perPartner());
        List<Map<String, Object>> partners = new ArrayList<>();
        r.byPartner().forEach((p, f) -> {
            Map<String, Object> x = figures(f);
            x.put("partner", p);
            partners.add(x);
        });
        m.put("partners", partners);
        m.put("deviations", r.deviations().stream().map(d -> Map.of("case", d.caseRef(), "partner", d.partner(), "at", DAY.format(d.at()),
                "side", d.side().equals("us") ? "vår" : "partner", "text", d.text())).toList());
        m.put("hasDeviations", !r.deviations().isEmpty());
        return TEMPLATE.execute(m);
    }

    private static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new HashMap<>();
        m.put("notices", f.notices().total());
        m.put("automatic", f.notices().automatic());
        m.put("unknown", f.notices().unknown());
        m.put("categories", f.notices().byCategory().entrySet().stream().map(e -> Map.of("label",
                Category.fromId(e.getKey()).map(Category::norwegian).orElse(e.getKey()), "count", e.getValue())).toList());
        m.put("deviationKinds", f.deviations().entrySet().stream().map(e -> Map.of("label", ReportBuilder.problemText(e.getKey()),
                "count", e.getValue())).toList());
        m.put("deviationCount", f.deviationCount());
        Figures.OurSide o = f.ours();
        m.put("receipts", o.receipts());
        m.put("receiptMedian", num(o.receiptMedianMinutes(), " min"));
        m.put("receiptP90", num(o.receiptP90Minutes(), " min"));
        m.put("decided", o.decided());
        m.put("inTime", o.inTime());
        m.put("share", o.shareInTime().map(s -> String.format(NB, "%.0f %%", s * 100)).orElse("–"));
        m.put("answerMedian", num(o.answerMedianHours(), " t"));
        m.put("answerP90", num(o.answerP90Hours(), " t"));
        m.put("reminders", o.reminders());
        m.put("escalations", o.escalations());
        m.put("plannedHours", String.format(NB, "%.1f", f.downtime().plannedHours()));
        m.put("incidentHours", String.format(NB, "%.1f", f.downtime().incidentHours()));
        m.put("incidentsTimed", f.downtime().incidentsTimed());
        return m;
    }

    private static String num(Optional<Double> v, String unit) {
        return v.map(x -> String.format(NB, "%.1f", x) + unit).orElse("–");
    }

    private static String resource(String path) {
        try (InputStream in = ReportHtml.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
