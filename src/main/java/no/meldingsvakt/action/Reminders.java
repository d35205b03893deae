package no.meldingsvakt.action;

import no.meldingsvakt.store.CaseRecord;

import no.meldingsvakt.template.Templates;
import no.meldingsvakt.outbound.ListMail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.CasePolicy;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.TemplateRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds and escalates, from the cases and the clock alone. Each reminder is one slot on the
 * case's timeline (before the due time, at it, then every {@code repeat_every}); only the latest
 * slot that has come is queued, under a key naming that slot, so a tick never repeats a reminder
 * and a service that was down sends what fell due while it was down once, not once per missed slot.
 */
public final class Reminders {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(BusinessCalendar.OSLO);
    /** A stop that ended longer ago than this is not announced as over any more. */
    private static final Duration END_NOTICE_GRACE = Duration.ofHours(12);
    private static final int MAX_SLOTS = 500;

    private final Cases cases;
    private final ListMail redistribute;
    private final Templates templates;

    public Reminders(Cases cases, ListMail lists, Templates templates) {
        this.cases = cases;
        this.redistribute = lists;
        this.templates = templates;
    }

    /** Queues whatever follow-up is due for one organisation now. Returns the number of mails newly queued. */
    public int run(OrganisationConfig org, Instant now) {
        int queued = 0;
        for (CaseRecord c : cases.list(org.id(), true)) {
            try {
                queued += followUp(org, c, now);
            } catch (RuntimeException e) {
                // One case that cannot be followed up must not stop the others.
                LOG.error("case {}: follow-up failed: {}", c.ref(), e.toString());
            }
        }
        return queued;
    }

    private int followUp(OrganisationConfig org, CaseRecord c, Instant now) {
        BusinessCalendar cal = new BusinessCalendar(org.businessHours());
        Optional<Category> category = Category.fromId(c.category());
        int queued = 0;
        if (category.isPresent() && c.awaitsAnswer() && c.dueAt().isPresent()) {
            Optional<CasePolicy.Deadline> d = org.cases().deadline(category.get());
            if (d.isPresent()) {
                queued += remind(org, c, d.get(), cal, now);
                queued += escalate(org, c, d.get(), cal, now);
            }
        }
        if (category.filter(x -> x.kind() == Category.Kind.PLANNED_STOP).isPresent() && c.windowStart().isPresent()) {
            queued += planned(org, c, org.cases().planned(), cal, now);
        }
        return queued;
    }

    private int remind(OrganisationConfig org, CaseRecord c, CasePolicy.Deadline d, BusinessCalendar cal, Instant now) {
        ZonedDateTime due = c.dueAt().get().atZone(BusinessCalendar.OSLO);
        int slot = -1;
        Optional<Duration> before = d.remindBefore().map(b -> b.duration(cal.dayLength()));
        Duration within = d.replyWithin().duration(cal.dayLength());
        // Counted back from the due time, which a reopened case moved, not forward from when it opened.
        if (before.isPresent() && before.get().compareTo(within) < 0 && !cal.minus(due, before.get()).toInstant().isAfter(now)) {
            slot = 0;
        }
        if (!due.toInstant().isAfter(now)) {
            slot = 1;
            if (d.repeatEvery().isPresent()) {
                Duration every = d.repeatEvery().get().duration(cal.dayLength());
                for (int k = 2; k < MAX_SLOTS && !cal.plus(due, every.multipliedBy(k - 1)).toInstant().isAfter(now); k++) {
                    slot = k;
                }
            }
        }
        if (slot < 0) {
            return 0;
        }
        List<String> lists = d.remindLists().isEmpty() ? c.lists() : d.remindLists();
        Map<String, Object> v = values(org, c, lists);
        v.put("overdue", slot >= 1);
        return queue(org, c, OutgoingMail.REMINDER, round(c) + ":" + slot, lists, "reminder", v,
                "reminder " + slot + (slot >= 1 ? " (overdue)" : " (before due)") + " to " + lists);
    }

    private int escalate(OrganisationConfig org, CaseRecord c, CasePolicy.Deadline d, BusinessCalendar cal, Instant now) {
        if (d.escalateAfter().isEmpty() || d.escalateTo().isEmpty()) {
            return 0;
        }
        Instant at = cal.plus(c.dueAt().get().atZone(BusinessCalendar.OSLO), d.escalateAfter().get().duration(cal.dayLength())).toInstant();
        if (at.isAfter(now)) {
            return 0;
        }
        Map<String, Object> v = values(org, c, d.escalateTo());
        return queue(org, c, OutgoingMail.ESCALATION, round(c), d.escalateTo(), "escalation", v, "escalated to " + d.escalateTo());
    }

    /** The outbox key's case part: a reopened case's reminders are new mails, not the first round's again. */
    private static String round(CaseRecord c) {
        return c.round() == 0 ? c.ref() : c.ref() + "~" + c.round();
    }

    private int planned(OrganisationConfig org, CaseRecord c, CasePolicy.Planned p, BusinessCalendar cal, Instant now) {
        List<String> lists = p.lists().isEmpty() ? c.lists() : p.lists();
        Instant start = c.windowStart().get();
        int queued = 0;
        if (p.remindBefore().isPresent() && now.isBefore(start)) {
            Instant at = cal.minus(start.atZone(BusinessCalendar.OSLO), p.remindBefore().get().duration(cal.dayLength())).toInstant();
            if (!at.isAfter(now)) {
                queued += queue(org, c, OutgoingMail.REMINDER, c.ref() + ":before:" + start, lists, "planned-before", values(org, c, lists),
                        "planned stop starts " + SHOWN.format(start));
            }
        }
        Optional<Instant> end = c.windowEnd();
        if (p.atEnd() && end.isPresent() && !end.get().isAfter(now) && now.isBefore(end.get().plus(END_NOTICE_GRACE))) {
            queued += queue(org, c, OutgoingMail.REMINDER, c.ref() + ":end:" + end.get(), lists, "planned-end", values(org, c, lists),
                    "planned stop should be over " + SHOWN.format(end.get()));
        }
        // A planned stop that is over needs nothing more; closing it keeps `cases list --open` to what is live.
        if (end.isPresent() && !now.isBefore(end.get().plus(END_NOTICE_GRACE))) {
            cases.close(c.ref(), "planlagt stopp er over");
        }
        return queued;
    }

    private int queue(OrganisationConfig org, CaseRecord c, String kind, String effect, List<String> lists, String template,
            Map<String, Object> values, String detail) {
        List<String> present = lists.stream().filter(org.lists()::containsKey).toList();
        List<String> recipients = ListMail.recipients(org, present.isEmpty() ? org.fallbackLists() : present);
        TemplateRenderer renderer = templates.forOrganisation(org);
        List<OutgoingMail> mails = redistribute.compose(org, kind, effect, Optional.of(c.ref()), recipients, renderer.render(template, values),
                Optional.empty());
        int added = cases.enqueue(org.id(), c.ref(), mails, kind, detail);
        if (added > 0) {
            LOG.info("case {}: {}", c.ref(), detail);
        }
        return added;
    }

    private static Map<String, Object> values(OrganisationConfig org, CaseRecord c, List<String> lists) {
        Map<String, Object> v = new HashMap<>();
        v.put("organisation", org.name());
        v.put("monitoredAddress", org.address());
        v.put("caseRef", c.ref());
        v.put("originalSubject", c.subject().isBlank() ? "(uten emne)" : c.subject());
        v.put("sender", c.sender().isBlank() ? "(ukjent)" : c.sender());
        v.put("categoryLabel", Category.fromId(c.category()).map(Category::norwegian).orElse(c.category()));
        v.put("openedAt", SHOWN.format(c.openedAt()));
        v.put("dueAt", c.dueAt().map(SHOWN::format).orElse(""));
        v.put("windowStart", c.windowStart().map(SHOWN::format).orElse(""));
        v.put("windowEnd", c.windowEnd().map(SHOWN::format).orElse(""));
        v.put("notifiedLists", String.join(", ", c.lists()));
        v.put("lists", String.join(", ", lists));
        return v;
    }
}
