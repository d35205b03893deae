package no.meldingsvakt.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.extract.NoticeForm;
import no.meldingsvakt.extract.Problem;
import no.meldingsvakt.store.CaseRecord;
import no.meldingsvakt.store.History;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Store;

/**
 * Computes a {@link MonthlyReport} from the store. A case belongs to the period its first message
 * arrived in; its answer time is business time (the organisation's hours, Norwegian holidays) from
 * that arrival to the answer. What counts as a planned stop or an incident is the category's to say.
 */
public final class ReportBuilder {
    /** Deviations the form itself shows: the notice used none of the routine's lines. */
    public static final String NO_FORM = "no-form";
    static final String ANSWERED_LATE = "answered-late";
    static final String NOT_ANSWERED = "not-answered";

    private final Store store;
    private final Clock clock;

    public ReportBuilder(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public MonthlyReport build(OrganisationConfig org, ReportPeriod period) {
        Instant now = clock.instant();
        Instant start = period.start();
        Instant end = period.end();
        Instant decidedBy = now.isBefore(end) ? now : end;
        BusinessCalendar cal = new BusinessCalendar(org.businessHours());
        List<CaseRecord> cases = casesArrivedIn(org, start, end);
        Map<String, Instant> arrivals = store.history().firstArrivals(org.id(), start.minus(Duration.ofDays(1)), end);
        Map<String, History.Mail> receipts = store.history().receipts(org.id(), cases.stream().map(CaseRecord::ref).toList());
        List<History.FollowUp> followUps = store.history().followUps(org.id(), start, end).stream().filter(History.FollowUp::aboutAnswer).toList();
        List<History.Message> messages = store.history().messages(org.id(), start, end);
        Map<String, String> partnerOfCase = new HashMap<>();
        cases.forEach(c -> partnerOfCase.put(c.ref(), partner(c.sender())));

        List<MonthlyReport.CaseLine> lines = new ArrayList<>();
        List<MonthlyReport.Deviation> deviations = new ArrayList<>();
        for (CaseRecord c : cases) {
            Instant arrived = arrivals.getOrDefault(c.ref(), c.openedAt());
            Optional<Boolean> inTime = inTime(c, decidedBy);
            Optional<Double> hours = c.answeredAt().map(a -> hours(cal.between(arrived.atZone(BusinessCalendar.OSLO), a.atZone(BusinessCalendar.OSLO))));
            List<String> problems = problems(c);
            lines.add(new MonthlyReport.CaseLine(c.ref(), arrived, c.category(), partner(c.sender()), c.dueAt(), c.answeredAt(), inTime, hours, problems));
            for (String p : problems) {
                deviations.add(new MonthlyReport.Deviation(c.ref(), partner(c.sender()), arrived, "partner", p, problemText(p)));
            }
            if (inTime.equals(Optional.of(false))) {
                String kind = c.answeredAt().isPresent() ? ANSWERED_LATE : NOT_ANSWERED;
                deviations.add(new MonthlyReport.Deviation(c.ref(), partner(c.sender()), c.dueAt().orElse(arrived), "us", kind,
                        kind.equals(ANSWERED_LATE) ? "Besvart etter fristen" : "Ikke besvart innen fristen"));
            }
        }
        deviations.sort(Comparator.comparing(MonthlyReport.Deviation::at).thenComparing(MonthlyReport.Deviation::caseRef));

        Figures overall = figures(cases, lines, messages, receipts, followUps, arrivals, x -> true, partnerOfCase);
        Map<String, Figures> byPartner = new TreeMap<>();
        for (String p : cases.stream().map(c -> partner(c.sender())).distinct().sorted().toList()) {
            byPartner.put(p, figures(cases, lines, messages, receipts, followUps, arrivals, p::equals, partnerOfCase));
        }
        return new MonthlyReport(org.id(), org.name(), period, now, overall, byPartner, atEnd(org, start, end, decidedBy, messages),
                deviations, last12(org, period, now), lines);
    }

    /** Cases whose first message arrived in the period (a case opened just after midnight from mail of the day before counts there). */
    private List<CaseRecord> casesArrivedIn(OrganisationConfig org, Instant start, Instant end) {
        return store.cases().openedBetween(org.id(), start, end.plus(Duration.ofMinutes(10))).stream()
                .filter(c -> c.openedAt().isBefore(end)).toList();
    }

    private Figures figures(List<CaseRecord> cases, List<MonthlyReport.CaseLine> lines, List<History.Message> messages,
            Map<String, History.Mail> receipts, List<History.FollowUp> followUps, Map<String, Instant> arrivals, Predicate<String> partner,
            Map<String, String> partnerOfCase) {
        Map<String, Integer> byCategory = new TreeMap<>();
        int automatic = 0;
        int unknown = 0;
        for (History.Message m : messages) {
            String from = m.caseRef().map(partnerOfCase::get).orElse(partner(m.sender()));
            if (!m.status().equals("processed") || !partner.test(from)) {
                continue;
            }
            if (m.automatic() || m.category().equals(Category.AUTOMATIC.id())) {
                automatic++;
            } else if (m.category().equals(Category.UNKNOWN.id()) || m.category().isEmpty()) {
                unknown++;
            } else {
                byCategory.merge(m.category(), 1, Integer::sum);
            }
        }
        Map<String, Integer> deviations = new LinkedHashMap<>();
        List<Double> receiptMinutes = new ArrayList<>();
        List<Double> answerHours = new ArrayList<>();
        int decided = 0;
        int inTime = 0;
        double planned = 0;
        double incident = 0;
        int timed = 0;
        for (int i = 0; i < cases.size(); i++) {
            CaseRecord c = cases.get(i);
            MonthlyReport.CaseLine line = lines.get(i);
            if (!partner.test(line.partner())) {
                continue;
            }
            line.problems().forEach(p -> deviations.merge(p, 1, Integer::sum));
            History.Mail r = receipts.get(c.ref());
            if (r != null && r.sentAt().isPresent()) {
                receiptMinutes.add(Duration.between(line.arrived(), r.sentAt().get()).toMillis() / 60_000.0);
            }
            if (line.inTime().isPresent()) {
                decided++;
                inTime += line.inTime().get() ? 1 : 0;
            }
            line.answerHours().ifPresent(answerHours::add);
            Optional<Category.Kind> kind = Category.fromId(c.category()).map(Category::kind);
            if (c.windowStart().isPresent() && c.windowEnd().isPresent() && c.windowEnd().get().isAfter(c.windowStart().get())) {
                double h = hours(Duration.between(c.windowStart().get(), c.windowEnd().get()));
                if (kind.equals(Optional.of(Category.Kind.PLANNED_STOP)) && !c.cancelled()) {
                    planned += h;
                } else if (kind.equals(Optional.of(Category.Kind.INCIDENT))) {
                    incident += h;
                    timed++;
                }
            }
        }
        int reminders = (int) followUps.stream().filter(m -> m.kind().equals(OutgoingMail.REMINDER) && partner.test(partner(m.caseSender()))).count();
        int escalations = (int) followUps.stream().filter(m -> m.kind().equals(OutgoingMail.ESCALATION) && partner.test(partner(m.caseSender())))
                .count();
        return new Figures(new Figures.Notices(byCategory, automatic, unknown), deviations,
                new Figures.OurSide(receiptMinutes.size(), percentile(receiptMinutes, 50), percentile(receiptMinutes, 90), decided, inTime,
                        percentile(answerHours, 50), percentile(answerHours, 90), reminders, escalations),
                new Figures.Downtime(round(planned), round(incident), timed));
    }

    private MonthlyReport.AtEnd atEnd(OrganisationConfig org, Instant start, Instant end, Instant decidedBy, List<History.Message> messages) {
        List<CaseRecord> open = store.cases().notClosedAt(org.id(), end).stream()
                .filter(c -> c.dueAt().isPresent() && c.answeredAt().map(a -> !a.isBefore(end)).orElse(true)).toList();
        int overdue = (int) open.stream().filter(c -> c.dueAt().get().isBefore(decidedBy)).count();
        int quarantined = (int) messages.stream().filter(m -> m.status().equals("quarantined")).count();
        return new MonthlyReport.AtEnd(open.size(), overdue, quarantined, store.history().bounces(org.id(), start, end));
    }

    private List<MonthlyReport.MonthShare> last12(OrganisationConfig org, ReportPeriod period, Instant now) {
        List<MonthlyReport.MonthShare> out = new ArrayList<>();
        YearMonth last = period.lastMonth();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            ReportPeriod p = ReportPeriod.month(m);
            Instant decidedBy = now.isBefore(p.end()) ? now : p.end();
            int decided = 0;
            int inTime = 0;
            for (CaseRecord c : casesArrivedIn(org, p.start(), p.end())) {
                Optional<Boolean> t = inTime(c, decidedBy);
                if (t.isPresent()) {
                    decided++;
                    inTime += t.get() ? 1 : 0;
                }
            }
            out.add(new MonthlyReport.MonthShare(m, decided, inTime));
        }
        return out;
    }

    /** In time, late, or (no deadline, or still within it and unanswered) not decided. */
    private static Optional<Boolean> inTime(CaseRecord c, Instant decidedBy) {
        if (c.dueAt().isEmpty()) {
            return Optional.empty();
        }
        Instant due = c.dueAt().get();
        if (c.answeredAt().isPresent() && c.answeredAt().get().isBefore(decidedBy)) {
            return Optional.of(!c.answeredAt().get().isAfter(due));
        }
        return due.isBefore(decidedBy) ? Optional.of(false) : Optional.empty();
    }

    /** The routine's problems the notice had, and whether it used the form at all (only for downtime notices). */
    private static List<String> problems(CaseRecord c) {
        List<String> out = new ArrayList<>(c.facts().problems());
        boolean downtime = Category.fromId(c.category()).map(k -> k.kind() == Category.Kind.PLANNED_STOP || k.kind() == Category.Kind.INCIDENT)
                .orElse(false);
        if (downtime && !c.facts().text().isBlank() && !NoticeForm.used(c.facts().text())) {
            out.add(NO_FORM);
        }
        return out;
    }

    public static String problemText(String id) {
        if (id.equals(NO_FORM)) {
            return "Ingen av malens linjer";
        }
        for (Problem p : Problem.values()) {
            if (p.id().equals(id)) {
                return p.norwegian();
            }
        }
        return id;
    }

    /** The partner a case is counted under: the sender's domain. */
    static String partner(String sender) {
        int at = sender.lastIndexOf('@');
        return at < 0 ? (sender.isBlank() ? "(ukjent)" : sender.toLowerCase(Locale.ROOT)) : sender.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static double hours(Duration d) {
        return d.toMillis() / 3_600_000.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    static Optional<Double> percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(round(sorted.get(Math.max(0, rank - 1))));
    }
}
