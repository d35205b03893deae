package no.meldingsvakt.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.report.MonthlyReport;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.report.ReportHtml;
import no.meldingsvakt.report.ReportPeriod;

/** «Rapport»: the monthly report of one organisation the viewer sees, the same as the mail, with CSV and JSON to download. */
final class ReportPage {
    private static final Pattern STYLE = Pattern.compile("(?s)<style>(.*?)</style>");
    private static final Pattern BODY = Pattern.compile("(?s)<body>(.*)</body>");
    private final ReportBuilder reports;
    private final Clock clock;

    ReportPage(ReportBuilder reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** The organisation and month asked for: the first organisation the viewer sees, and last month, unless given. */
    record Ask(OrganisationConfig org, YearMonth month) {}

    Ask ask(Viewer v, String org, String month) {
        OrganisationConfig o = org == null || org.isBlank() ? v.organisations().get(0)
                : Shown.org(v.organisations(), org).orElseThrow(() -> new Refused(404, "Finnes ikke."));
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(clock.withZone(BusinessCalendar.OSLO)).minusMonths(1) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new Refused(400, "Måneden skrives ÅÅÅÅ-MM, for eksempel 2026-03.");
        }
        return new Ask(o, m);
    }

    MonthlyReport report(Ask a) {
        return reports.build(a.org(), ReportPeriod.month(a.month()));
    }

    Map<String, Object> model(Viewer v, Ask a) {
        MonthlyReport r = report(a);
        String html = ReportHtml.of(r, ReportHtml.Images.inline(r));
        Map<String, Object> m = new HashMap<>();
        m.put("month", a.month().toString());
        m.put("org", a.org().id());
        m.put("manyOrgs", v.organisations().size() > 1);
        m.put("orgs", v.organisations().stream().map(o -> Map.of("id", o.id(), "name", o.name(), "selected", o.id().equals(a.org().id()))).toList());
        Matcher body = BODY.matcher(html);
        m.put("report", body.find() ? body.group(1) : "");
        Matcher style = STYLE.matcher(html);
        // The report's own styles all sit under .mv-report (but for the page's body, left out here).
        m.put("extraHead", style.find() ? "<style>" + style.group(1).replaceAll("(?m)^body \\{[^}]*}\\s*", "") + "</style>" : "");
        return m;
    }
}
