package no.meldingsvakt.action;

import no.meldingsvakt.store.CaseRecord;

import no.meldingsvakt.outbound.ListMail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.Addresses;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.NoticeFacts;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.TemplateRenderer;
import no.meldingsvakt.trust.SenderCheck;

/**
 * What a message means for the case it belongs to: which open case a later notice joins, when a
 * new case's reply is due, whether a later message moves the window, resolves or cancels the case,
 * and how a staff member's reply is sent on to the partner.
 */
public final class FollowCase {
    private static final Pattern RESOLVED_SUBJECT = Pattern.compile("(?<![\\p{L}])(løst|løyst|resolved|fixed|gjenopprettet|oppe igjen)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RESOLVED_TEXT = Pattern.compile(
            "(er|har blitt|ble)\\s+(nå\\s+)?(løst|løyst|rettet|utbedret|gjenopprettet|oppe igjen|tilbake i normal drift)"
                    + "|normal\\s+(drift|meldingsutveksling)\\s+(er|har blitt)\\s+(nå\\s+)?gjenopprettet|fungerer\\s+(nå\\s+)?(igjen|som normalt)"
                    + "|(has been|is now)\\s+(resolved|restored|fixed)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CANCELLED = Pattern.compile("(?<![\\p{L}])(avlyst|avlyses|kansellert|kanselleres|utgår|cancelled|canceled)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern THANKS = Pattern.compile("(?<![\\p{L}])(takk|tusen takk|thanks|thank you|mottatt|notert|ok)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Cases cases;
    private final MailFactory mail;
    private final Clock clock;

    public FollowCase(Cases cases, MailFactory mail, Clock clock) {
        this.cases = cases;
        this.mail = mail;
        this.clock = clock;
    }

    /** Who or what a notice is about, for joining: the organisation it names, else the sender's domain. */
    static Optional<String> noticeKey(Assessment a) {
        return a.details().organisation().map(o -> o.toLowerCase(Locale.ROOT))
                .or(() -> a.message().senderDomain());
    }

    /** An open case with the same standard subject about the same organisation, within the join window. */
    Optional<String> similar(OrganisationConfig org, Assessment a, Instant arrived) {
        Category c = a.classification().category();
        if (!c.joinsSimilar()) {
            return Optional.empty();
        }
        return noticeKey(a).flatMap(k -> cases.similarOpen(org.id(), c.id(), k, arrival(arrived).minus(org.cases().joinWindow())));
    }

    /**
     * Deadlines and the join window run from arrival (mail that waited while the service was down
     * is given no extra time), but never from a moment after now (a server clock ahead of ours).
     */
    private Instant arrival(Instant arrived) {
        Instant now = clock.instant();
        return arrived.isAfter(now) ? now : arrived;
    }

    /**
     * A person of the organisation: writing from one of its own domains (a list is often a
     * distribution group, so the answer comes from the person's own address), and authenticated
     * where the organisation verifies senders.
     */
    static boolean fromStaff(OrganisationConfig org, ParsedMessage m, SenderCheck sender) {
        Optional<String> from = m.fromAddress();
        return from.isPresent() && !from.get().equalsIgnoreCase(org.address()) && org.trust().ownDomain(from.get()) && sender.believed();
    }

    /**
     * Whether a message on a case's thread comes from another organisation than the case's partner
     * (a partner answering a notice that was forwarded to it): neither the partner's mail domain
     * (or a subdomain of it, or the other way round) nor ours. ("orkland.kommune.no" and
     * "malvik.kommune.no" are two organisations.)
     */
    static boolean anotherOrganisation(OrganisationConfig org, CaseRecord c, ParsedMessage m) {
        Optional<String> from = m.fromAddress();
        if (from.isEmpty() || c.sender() == null || !c.sender().contains("@") || org.trust().ownDomain(from.get())) {
            return false;
        }
        return !Addresses.related(from.get(), c.sender()) && c.replyTo().map(r -> !Addresses.related(r, from.get())).orElse(true);
    }


    /** Whether the message comes from the case's partner (as the case recorded them) or from staff: only they can close it. */
    static boolean mayClose(OrganisationConfig org, CaseRecord c, Assessment a) {
        Optional<String> from = a.message().fromAddress();
        if (from.isEmpty() || a.sender().refuted()) {
            return false;
        }
        return from.get().equalsIgnoreCase(c.sender()) || c.replyTo().map(from.get()::equalsIgnoreCase).orElse(false)
                || fromStaff(org, a.message(), a.sender());
    }

    Map<String, Object> refusedValues(OrganisationConfig org, CaseRecord c, ParsedMessage reply) {
        Map<String, Object> v = new HashMap<>();
        v.put("originalSubject", c.subject());
        v.put("caseRef", c.ref());
        v.put("organisation", org.name());
        v.put("monitoredAddress", org.address());
        v.put("partner", c.replyTo().orElse(c.sender()));
        return v;
    }

    Intake.NewCase newCase(OrganisationConfig org, Assessment a, String ref, List<String> lists, Instant arrived) {
        Category c = a.classification().category();
        // Nobody can answer a robot (a monitoring system's notice): no deadline, no reminders.
        Optional<Instant> due = a.classification().automatic() ? Optional.empty() : due(org, c, arrived);
        ParsedMessage m = a.message();
        return new Intake.NewCase(ref, c.id(), MailFactory.headerSafe(m.originalSubject()), m.originalSender().orElse(m.fromAddress().orElse("")),
                a.receiptTo(), m.messageId(), lists, due, a.details().windowStart().map(ZonedDateTime::toInstant),
                a.details().windowEnd().map(ZonedDateTime::toInstant), noticeKey(a), facts(a));
    }

    /** What the console and the calendar show of the notice. */
    private static NoticeFacts facts(Assessment a) {
        ParsedMessage m = a.message();
        Optional<String> name = m.forward().isPresent() ? m.forward().get().fromName() : m.fromName();
        String partner = name.filter(n -> !n.isBlank()).or(m::originalSender).orElse("");
        return new NoticeFacts(MailFactory.headerSafe(partner), a.details().organisation(), a.details().phone(),
                a.classification().services().stream().sorted().toList(), m.noticeText(),
                a.details().problems().stream().map(p -> p.id()).toList());
    }

    private Optional<Instant> due(OrganisationConfig org, Category c, Instant arrived) {
        Instant from = arrival(arrived);
        return org.cases().deadline(c).map(d -> {
            BusinessCalendar cal = new BusinessCalendar(org.businessHours());
            return cal.plus(from.atZone(BusinessCalendar.OSLO), d.replyWithin().duration(cal.dayLength())).toInstant();
        });
    }

    /**
     * What a later message of the same case changes: a moved window, the end of the case when it says
     * so, or, when the partner writes again after the case was answered (a new question, not a thank-you),
     * a new deadline.
     */
    Intake.CaseChange change(OrganisationConfig org, Assessment a, CaseRecord joined, Instant arrived, List<Intake.AuditEntry> audit) {
        ParsedMessage m = a.message();
        String head = m.originalSubject() + "\n" + ReplyText.newPart(m.noticeText());
        head = head.length() > 2000 ? head.substring(0, 2000) : head;
        Optional<String> close = Optional.empty();
        boolean cancelled = false;
        if (a.classification().category().kind() == Category.Kind.PLANNED_STOP && CANCELLED.matcher(head).find()) {
            close = Optional.of("avlyst ifølge " + m.originalSender().orElse("avsender"));
            cancelled = true;
        } else if (RESOLVED_SUBJECT.matcher(m.originalSubject()).find() || RESOLVED_TEXT.matcher(head).find()) {
            close = Optional.of("løst ifølge " + m.originalSender().orElse("avsender"));
        }
        if (close.isPresent() && !mayClose(org, joined, a)) {
            audit.add(new Intake.AuditEntry("close-ignored", "'" + close.get() + "' from " + m.fromAddress().orElse("?")
                    + ", who is neither the case's partner nor staff (" + a.sender().why() + ")"));
            close = Optional.empty();
            cancelled = false;
        }
        Optional<Instant> reopen = Optional.empty();
        if (close.isEmpty() && joined.status().equals("answered") && !a.classification().automatic() && !thanksOnly(m)) {
            reopen = Category.fromId(joined.category()).flatMap(c -> due(org, c, arrived));
        }
        return new Intake.CaseChange(a.details().windowStart().map(ZonedDateTime::toInstant), a.details().windowEnd().map(ZonedDateTime::toInstant),
                Optional.empty(), close, reopen, cancelled);
    }

    /** "Takk for svar!" needs no answer; a question or anything longer does. */
    private static boolean thanksOnly(ParsedMessage m) {
        String said = ReplyText.newPart(m.noticeText()).strip();
        return said.length() < 300 && !said.contains("?") && THANKS.matcher(said).find();
    }

    /** Whether a staff member's reply already went to the partner itself (To or Cc), the mailbox only on copy. */
    static boolean alreadyToPartner(CaseRecord c, ParsedMessage reply) {
        if (c.replyTo().isEmpty()) {
            return false;
        }
        Pattern partner = Pattern.compile("(?<![\\w.+-])" + Pattern.quote(c.replyTo().get()) + "(?![\\w.-])", Pattern.CASE_INSENSITIVE);
        return java.util.stream.Stream.of("To", "Cc").map(h -> reply.headers().first(h).orElse("")).anyMatch(v -> partner.matcher(v).find());
    }

    /** A staff member's reply to a redistributed copy, sent on to the partner with the routine's copies. */
    Optional<OutgoingMail> relay(OrganisationConfig org, TemplateRenderer templates, CaseRecord c, ParsedMessage reply, String written,
            String messageKey) {
        if (c.replyTo().isEmpty() || c.replyTo().get().equalsIgnoreCase(org.address())) {
            return Optional.empty();
        }
        String to = c.replyTo().get();
        String partnerDomain = to.substring(to.indexOf('@') + 1);
        List<String> cc = new ArrayList<>();
        for (String a : org.cases().replyCc()) {
            String address = a.replace("{sender_domain}", partnerDomain).toLowerCase(Locale.ROOT);
            if (!address.equalsIgnoreCase(to) && !address.equalsIgnoreCase(org.address()) && !cc.contains(address)) {
                cc.add(address);
            }
        }
        Map<String, Object> v = new HashMap<>();
        v.put("originalSubject", c.subject().replaceFirst("(?i)^\\s*((sv|re|vs|fw|fwd|aw)\\s*:\\s*)+", ""));
        v.put("caseRef", c.ref());
        v.put("replyText", written);
        v.put("staffName", reply.fromName().filter(n -> !n.isBlank()).orElse(reply.fromAddress().orElse("")));
        v.put("organisation", org.name());
        v.put("monitoredAddress", org.address());
        String key = "answer:" + org.id() + ":" + messageKey;
        String id = mail.messageId(key, ListMail.domain(org));
        List<String> rcpts = new ArrayList<>();
        rcpts.add(to);
        rcpts.addAll(cc);
        byte[] raw = mail.answer(new MailFactory.Sender(org.address(), org.name()), to, cc, templates.render("staff-reply", v),
                c.originalMessageId(), id);
        return Optional.of(new OutgoingMail(OutgoingMail.ANSWER, key, Optional.of(c.ref()), id, org.address(), List.copyOf(rcpts), raw));
    }
}
