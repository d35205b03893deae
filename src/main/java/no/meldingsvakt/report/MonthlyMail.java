package no.meldingsvakt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.Rendered;

/**
 * The report as mail to each address of the organisation's {@code report_to} lists: HTML with the
 * charts inline, a short text part, and the CSV attached. Each mail's outbox key names the
 * organisation, the period and the address, so the report goes once however often it is queued.
 */
public final class MonthlyMail {
    public static final String KIND = "monthly-report";
    private final MailFactory mail;

    public MonthlyMail(MailFactory mail) {
        this.mail = mail;
    }

    public static String key(OrganisationConfig org, ReportPeriod period, String to) {
        return KIND + ":" + org.id() + ":" + period.id() + ":" + to;
    }

    public List<OutgoingMail> compose(OrganisationConfig org, MonthlyReport r) {
        byte[] answered = Charts.answeredInTime(r.last12());
        byte[] partners = Charts.perPartner(r.byPartner());
        String html = ReportHtml.of(r, new ReportHtml.Images("cid:besvart@meldingsvakt", "cid:partnere@meldingsvakt"));
        Rendered text = new Rendered("[Meldingsvakt] Månedsrapport " + r.period().label() + " – " + org.name(), plain(r), html);
        List<MailFactory.Inline> images = List.of(new MailFactory.Inline("besvart@meldingsvakt", "besvart-innen-fristen.png", answered),
                new MailFactory.Inline("partnere@meldingsvakt", "varsler-per-partner.png", partners));
        List<MailFactory.Attachment> files = List.of(new MailFactory.Attachment("meldingsvakt-" + org.id() + "-" + r.period().id() + ".csv",
                "text/csv; charset=utf-8", ReportCsv.of(r)));
        MailFactory.Sender from = new MailFactory.Sender(org.address(), "Meldingsvakt " + org.name());
        List<OutgoingMail> out = new ArrayList<>();
        for (String to : ListMail.recipients(org, org.reportTo())) {
            String key = key(org, r.period(), to);
            String id = mail.messageId(key, ListMail.domain(org));
            out.add(new OutgoingMail(KIND, key, Optional.empty(), id, org.address(), List.of(to), mail.report(from, to, text, images, files, id)));
        }
        return out;
    }

    private static String plain(MonthlyReport r) {
        Figures f = r.overall();
        return "Månedsrapport for meldingsansvarlig, " + r.orgName() + ", " + r.period().label() + ".\n\n"
                + "Varsler: " + f.notices().total() + " (automatisk e-post " + f.notices().automatic() + ", andre henvendelser "
                + f.notices().unknown() + ")\n"
                + "Besvart innen fristen: " + f.ours().inTime() + " av " + f.ours().decided() + "\n"
                + "Avvik hos partnerne: " + f.deviationCount() + "\n"
                + "Saker som ventet på svar ved periodens slutt: " + r.atEnd().open() + " (forfalt: " + r.atEnd().overdue() + ")\n\n"
                + "Hele rapporten med diagrammer er i HTML-delen; hver sak er i vedlagt CSV-fil.\n";
    }
}
