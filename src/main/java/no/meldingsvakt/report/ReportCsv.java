package no.meldingsvakt.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;

/**
 * One row per case of the period, so every number of the report can be checked in a spreadsheet:
 * RFC 4180 (CRLF, fields with a separator, quote or line break quoted, quotes doubled), UTF-8 with
 * a byte-order mark so that Excel reads æøå, semicolons because Norwegian Excel takes the comma
 * as the decimal mark.
 */
public final class ReportCsv {
    static final char SEP = ';';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.OSLO);
    private static final List<String> HEADER = List.of("sak", "mottatt", "kategori", "partner", "frist", "besvart", "besvart i tide",
            "svartid (arbeidstimer)", "avvik");

    private ReportCsv() {}

    public static byte[] of(MonthlyReport r) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        row(sb, HEADER);
        for (MonthlyReport.CaseLine c : r.cases()) {
            row(sb, List.of(c.ref(), TIME.format(c.arrived()), c.category(), c.partner(), time(c.due()), time(c.answered()),
                    c.inTime().map(b -> b ? "ja" : "nei").orElse(""), c.answerHours().map(h -> String.format(Locale.forLanguageTag("nb"), "%.2f", h))
                            .orElse(""), String.join(", ", c.problems().stream().map(ReportBuilder::problemText).toList())));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String time(Optional<Instant> t) {
        return t.map(TIME::format).orElse("");
    }

    private static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(SEP);
            }
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(String raw) {
        // A partner is the sender's domain, which a stranger chooses: a cell starting with = + - @ would be a formula in Excel.
        String v = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (v.indexOf(SEP) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf(',') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
