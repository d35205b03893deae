package no.meldingsvakt.action;

import no.meldingsvakt.template.Templates;
import no.meldingsvakt.outbound.ListMail;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.message.UnreadableMessageException;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Intake.AuditEntry;
import no.meldingsvakt.store.Intake.MessageStatus;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.store.StoreException;
import no.meldingsvakt.template.TemplateRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one incoming message into one {@link Intake}: read, classify, open or join its case,
 * decide the receipt, select lists and render every mail. A message Meldingsvakt cannot read
 * becomes a quarantine intake with a report; only a store failure escapes, so the watcher leaves
 * the message for the next pass.
 */
public final class NoticePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(NoticePipeline.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(BusinessCalendar.OSLO);

    private final MessageReader reader;
    private final Store store;
    private final SendReceipt receipts;
    private final ListMail redistribute;
    private final ReportBounce bounces;
    private final Templates templates;
    private final Clock clock;
    private final Cases cases;
    private final FollowCase follow;

    public NoticePipeline(MessageReader reader, Store store, Cases cases, MailFactory mail, Templates templates, Clock clock) {
        this.reader = reader;
        this.cases = cases;
        this.follow = new FollowCase(cases, mail, clock);
        this.store = store;
        this.receipts = new SendReceipt(store, mail, clock);
        this.redistribute = new ListMail(mail);
        this.bounces = new ReportBounce(store, redistribute);
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * {@link #process} with a deadline: a message that takes longer (a pattern or a parser gone
     * slow on hostile input) is quarantined with the reason, and the watcher goes on with the next
     * one. The worker is interrupted and left to finish on its own; it holds no lock and its result
     * is thrown away, so nothing it might still do is ever recorded.
     */
    public Intake processWithin(OrganisationConfig org, Incoming in, java.time.Duration limit) {
        return Bounded.within(limit, "process-" + org.id() + "-" + in.uid(), () -> process(org, in), () -> {
            LOG.error("mailbox {}: UID {} took longer than {} s to process; quarantining it", org.id(), in.uid(), limit.toSeconds());
            return quarantine(org, in, "processing took longer than the deadline of " + limit.toSeconds() + " s");
        });
    }

    public Intake process(OrganisationConfig org, Incoming in) {
        ParsedMessage m;
        try {
            m = in.headersOnly() ? reader.readHeadersOnly(in.bytes()) : reader.read(in.bytes());
        } catch (UnreadableMessageException e) {
            return quarantine(org, in, e.getMessage());
        }
        try {
            return decide(org, in, m);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            return quarantine(org, in, "processing failed: " + e);
        }
    }

    private Intake decide(OrganisationConfig org, Incoming in, ParsedMessage m) {
        String baseKey = CaseRefs.messageKey(m.messageId(), in.bytes());
        String fingerprint = CaseRefs.fingerprint(m.fromAddress(), in.bytes());
        List<AuditEntry> audit = new ArrayList<>();
        // The same Message-ID from another sender or with another body is another mail: kept under a key of its own.
        Optional<MessageLog.Seen> first = store.messages().seenMessageKey(org.id(), baseKey);
        boolean clash = first.isPresent() && first.get().fingerprint() != null && !first.get().fingerprint().equals(fingerprint);
        String key = clash ? clashKey(baseKey, fingerprint) : baseKey;
        Optional<MessageLog.Seen> same = clash ? store.messages().seenMessageKey(org.id(), key) : first;
        if (same.isPresent()) {
            return intake(org, in, baseKey, fingerprint, m).category("", "").status(MessageStatus.DUPLICATE, "same mail already processed")
                    .caseRef(Optional.of(same.get().caseRef()).filter(s -> !s.isEmpty())).audit(List.of(new AuditEntry("duplicate", baseKey))).build();
        }
        if (clash) {
            // Same Message-ID, another mail: whoever sent first must not be able to suppress this one.
            audit.add(new AuditEntry("message-id-clash", baseKey + " was already used by another mail (other sender or content); processed as " + key));
            LOG.warn("mailbox {}: Message-ID {} already seen with another sender or content; processing this mail as well", org.id(), baseKey);
        }
        Assessment a = Assessment.of(org, m, in.arrivedAt());
        Classification c = a.classification();
        if (a.sender().refuted()) {
            // At 03:00 a wrong authserv-id shows here, one line per notice, not only in the audit.
            LOG.info("mailbox {}: UID {} from {} is not authenticated ({}): no receipt, no answer, no closing", org.id(), in.uid(),
                    m.fromAddress().orElse("?"), a.sender().why());
        }
        audit.add(new AuditEntry("sender", a.sender().authenticated().map(x -> x ? "authenticated: " : "not authenticated: ").orElse("not verified: ")
                + a.sender().why()));
        audit.add(new AuditEntry("classified", c.category().id() + c.automaticReason().map(r -> " (automatic: " + r + ")").orElse("")
                + (c.services().isEmpty() ? "" : " services=" + c.services())
                + m.forward().map(f -> " forwarded (" + f.form() + ") from " + f.fromAddress().orElse("?")).orElse("")));
        if (!a.details().problems().isEmpty()) {
            audit.add(new AuditEntry("problems", a.details().problems().stream().map(p -> p.id()).toList().toString()));
        }
        List<ReportBounce.Bounce> bounced = c.automatic() ? bounces.match(m, in.bytes()) : List.of();
        if (!bounced.isEmpty()) {
            bounced.forEach(b -> audit.add(new AuditEntry("bounce", b.kind() + " to " + b.recipient() + ": " + b.status())));
            return intake(org, in, key, fingerprint, m).category(c.category().id(), c.automaticReason().orElse(null))
                    .status(MessageStatus.PROCESSED, "bounce").mails(bounces.report(org, templates.forOrganisation(org), key, bounced)).audit(audit).build();
        }

        boolean opensCase = c.category() != no.meldingsvakt.classify.Category.AUTOMATIC;
        Optional<String> joined = CaseRefs.find(m.subject()).filter(ref -> cases.exists(org.id(), ref))
                .or(() -> cases.forThread(org.id(), threadParents(m)));
        Optional<Cases.CaseRecord> joinedCase = joined.flatMap(cases::get);
        if (!c.automatic() && FollowCase.fromStaff(org, m, a.sender())) {
            // A staff answer is a capability: it must reply to a copy or reminder we sent (keyed ids).
            Optional<Cases.CaseRecord> answered = store.outbox().staffMailCase(org.id(), threadParents(m)).flatMap(cases::get);
            if (answered.isPresent()) {
                return staffReply(org, in, key, fingerprint, m, c, answered.get(), audit);
            }
        }
        if (joinedCase.isPresent() && opensCase && !c.automatic() && FollowCase.anotherOrganisation(org, joinedCase.get(), m)) {
            // «Vi har samme problem» from another organisation on someone else's thread is its own case.
            audit.add(new AuditEntry("related-case", "on the thread of " + joinedCase.get().ref() + " from another organisation ("
                    + m.fromAddress().orElse("?") + "); opened as a case of its own"));
            joined = Optional.empty();
            joinedCase = Optional.empty();
        } else if (joined.isEmpty() && opensCase) {
            joined = follow.similar(org, a, in.arrivedAt());
            joined.ifPresent(r -> audit.add(new AuditEntry("joined-similar", "same subject and organisation as " + r)));
            joinedCase = joined.flatMap(cases::get);
        }
        String ref = joined.orElseGet(() -> CaseRefs.newRef(org.id(), key, in.arrivedAt()));
        boolean newCase = joined.isEmpty() && opensCase;
        Optional<String> caseRef = joined.isPresent() || newCase ? Optional.of(ref) : Optional.empty();
        joined.ifPresent(r -> audit.add(new AuditEntry("joined-case", r)));

        List<OutgoingMail> mails = new ArrayList<>();
        Map<String, Object> values = values(org, m, in, c, caseRef.orElse("–"));
        values.putAll(NoticeValues.of(a));
        ReceiptDecision receipt = caseRef.isPresent()
                ? receipts.decide(org, a, ref, newCase)
                : ReceiptDecision.no("no case for automatic mail", "ikke sendt (automatisk e-post)");
        TemplateRenderer renderer = templates.forOrganisation(org);
        if (receipt.send()) {
            try {
                mails.add(receipts.compose(org, renderer, a, ref, values));
            } catch (RuntimeException e) {
                // A receipt that cannot be built must never keep the notice from staff.
                receipt = ReceiptDecision.no("receipt could not be built: " + e.getMessage(), "ikke sendt (ugyldig avsenderadresse)");
            }
        }
        audit.add(new AuditEntry(receipt.send() ? "receipt-queued" : "receipt-skipped", receipt.why()));
        values.put("receiptStatus", receipt.norwegian());

        // Updates to a case go to the lists the notice went to, so the same people follow it.
        // A robot on a case (an out-of-office reply, a read receipt) is recorded there, but goes only where routes send automatic mail.
        SelectRoutes.Selection selection = joinedCase.filter(k -> !k.lists().isEmpty() && !c.automatic())
                .map(k -> new SelectRoutes.Selection(List.of("case " + k.ref()), k.lists().stream().filter(org.lists()::containsKey).toList()))
                .filter(sel -> !sel.lists().isEmpty()).orElse(a.selection());
        List<String> recipients = ListMail.recipients(org, selection.lists());
        values.put("lists", String.join(", ", selection.lists()));
        if (!recipients.isEmpty()) {
            Optional<byte[]> original = in.headersOnly() ? Optional.empty() : Optional.of(in.bytes());
            mails.addAll(redistribute.compose(org, OutgoingMail.COPY, key, caseRef, recipients,
                    renderer.render("redistribution", values), original));
        }
        audit.add(new AuditEntry("redistribution-queued", "routes=" + selection.routes() + " lists=" + selection.lists()
                + " recipients=" + recipients.size()));
        Set<String> thread = new LinkedHashSet<>();
        m.messageId().ifPresent(thread::add);
        Optional<Intake.CaseChange> change = joinedCase.isPresent()
                ? Optional.of(follow.change(org, a, joinedCase.get(), in.arrivedAt(), audit)).filter(ch -> !ch.isEmpty()) : Optional.empty();
        change.flatMap(Intake.CaseChange::closeNote).ifPresent(n -> audit.add(new AuditEntry("closed", n)));
        change.flatMap(Intake.CaseChange::reopenDue).ifPresent(d -> audit.add(new AuditEntry("reopened",
                "the partner wrote again after the answer; reply due " + d)));
        change.filter(ch -> ch.windowStart().isPresent()).ifPresent(ch -> audit.add(new AuditEntry("window-updated",
                ch.windowStart().get() + " - " + ch.windowEnd().map(Object::toString).orElse("?"))));
        return intake(org, in, key, fingerprint, m).category(c.category().id(), c.automaticReason().orElse(null))
                .newCase(newCase ? Optional.of(follow.newCase(org, a, ref, selection.lists(), in.arrivedAt())) : Optional.empty())
                .caseRef(caseRef).caseChange(change).threadIds(caseRef.isPresent() ? List.copyOf(thread) : List.of()).mails(mails).audit(audit).build();
    }

    /** A staff member answered a copy or reminder: send it on to the partner, mark the case answered, pass nothing else on. */
    private Intake staffReply(OrganisationConfig org, Incoming in, String key, String fingerprint, ParsedMessage m, Classification c, Cases.CaseRecord k,
            List<AuditEntry> audit) {
        List<OutgoingMail> mails = new ArrayList<>();
        String by = m.fromAddress().orElse("?");
        List<String> thread = m.messageId().map(List::of).orElse(List.of());
        if (FollowCase.alreadyToPartner(k, m)) {
            // Written to the partner directly with the mailbox on copy: sending it on would give the partner two.
            audit.add(new AuditEntry("staff-reply", "addressed to the partner by " + by + "; not sent on"));
        } else {
            Optional<String> written = ReplyText.written(m.text());
            if (written.isEmpty()) {
                // Below the quote or between its lines: relaying it would send the internal summary along.
                mails.addAll(redistribute.compose(org, OutgoingMail.REPORT, "reply-refused:" + key, Optional.of(k.ref()), List.of(by),
                        templates.forOrganisation(org).render("staff-reply-refused", follow.refusedValues(org, k, m)), Optional.empty()));
                audit.add(new AuditEntry("staff-reply-refused", "the answer by " + by
                        + " could not be told apart from the quoted text; nothing was sent on and the writer was told"));
                return intake(org, in, key, fingerprint, m).category("staff-reply", c.automaticReason().orElse(null))
                        .caseRef(Optional.of(k.ref())).threadIds(thread).mails(mails).audit(audit).build();
            }
            Optional<OutgoingMail> answer = follow.relay(org, templates.forOrganisation(org), k, m, written.get(), key);
            answer.ifPresent(mails::add);
            audit.add(new AuditEntry("staff-reply", answer.map(x -> "sent on to " + x.recipients()).orElse("no partner address to send it to")));
        }
        Intake.CaseChange answered = Intake.CaseChange.answered(by);
        audit.add(new AuditEntry("answered", "reply through Meldingsvakt by " + by));
        return intake(org, in, key, fingerprint, m).category("staff-reply", c.automaticReason().orElse(null))
                .caseRef(Optional.of(k.ref())).caseChange(Optional.of(answered)).threadIds(thread).mails(mails).audit(audit).build();
    }

    private static String clashKey(String messageKey, String fingerprint) {
        return messageKey + "#" + fingerprint.substring(0, 16);
    }

    /** Keeps a message Meldingsvakt cannot read, and tells a person about it. */
    public Intake quarantine(OrganisationConfig org, Incoming in, String reason) {
        String key = CaseRefs.messageKey(Optional.empty(), in.bytes());
        ParsedMessage partial = null;
        try {
            partial = reader.readHeadersOnly(in.bytes());
        } catch (UnreadableMessageException | RuntimeException ignored) {
            // Nothing readable at all: the report says so.
        }
        Map<String, Object> values = new HashMap<>();
        values.put("organisation", org.name());
        values.put("monitoredAddress", org.address());
        values.put("originalSubject", partial == null ? "(ukjent)" : partial.subject());
        values.put("sender", partial == null ? "(ukjent)" : partial.fromAddress().orElse("(ukjent)"));
        values.put("receivedAt", SHOWN.format(in.arrivedAt()));
        values.put("reason", reason);
        values.put("folder", org.folders().quarantine());
        values.put("attached", !in.headersOnly());
        List<String> lists = org.adminList().map(List::of).orElse(org.fallbackLists());
        List<OutgoingMail> mails = redistribute.compose(org, OutgoingMail.REPORT, key, Optional.empty(),
                ListMail.recipients(org, lists), templates.forOrganisation(org).render("quarantine-report", values),
                in.headersOnly() ? Optional.empty() : Optional.of(in.bytes()));
        return intake(org, in, key, null, partial).status(MessageStatus.QUARANTINED, reason).mails(mails)
                .audit(List.of(new AuditEntry("quarantined", reason + "; reported to " + lists))).build();
    }

    /** The intake of this message with what every intake has: where it came from, its key, sender and subject. */
    private static Intake.Builder intake(OrganisationConfig org, Incoming in, String key, String fingerprint, ParsedMessage m) {
        String sender = m == null ? "" : m.fromAddress().orElse("");
        String subject = m == null ? "" : MailFactory.headerSafe(m.subject());
        return Intake.of(org.id(), in.uidValidity(), in.uid(), in.arrivedAt()).key(key, fingerprint).from(sender, subject);
    }

    private static List<String> threadParents(ParsedMessage m) {
        List<String> ids = new ArrayList<>(m.inReplyTo());
        List<String> refs = new ArrayList<>(m.references());
        java.util.Collections.reverse(refs);
        ids.addAll(refs);
        return ids;
    }

    private Map<String, Object> values(OrganisationConfig org, ParsedMessage m, Incoming in, Classification c, String ref) {
        Map<String, Object> v = new HashMap<>();
        v.put("organisation", org.name());
        v.put("monitoredAddress", org.address());
        v.put("originalSubject", m.originalSubject().isBlank() ? "(uten emne)" : m.originalSubject());
        Optional<String> fwdName = m.forward().flatMap(f -> f.fromName());
        Optional<String> fwdAddress = m.forward().flatMap(f -> f.fromAddress());
        v.put("sender", m.forward().isPresent()
                ? fwdName.map(n -> n + fwdAddress.map(x -> " <" + x + ">").orElse("")).or(() -> fwdAddress).orElse("(ukjent)")
                : person(m.fromName(), m.fromAddress()));
        v.put("forwardedBy", m.forward().isPresent() ? person(m.fromName(), m.fromAddress()) : "");
        // Date is when the sender wrote it; arrival is when the mailbox got it. Staff see both.
        v.put("sentAt", m.date().map(SHOWN::format).orElse(""));
        v.put("receivedAt", SHOWN.format(in.arrivedAt()));
        v.put("caseRef", ref);
        v.put("category", c.category().id());
        v.put("categoryLabel", c.category().norwegian());
        v.put("services", String.join(", ", c.services()));
        v.put("automaticReason", c.automaticReason().orElse(""));
        v.put("attached", !in.headersOnly());
        v.put("sizeMb", String.format(Locale.ROOT, "%.1f", in.size() / (1024.0 * 1024.0)));
        v.put("folder", org.folders().processed());
        v.put("now", SHOWN.format(clock.instant()));
        return v;
    }

    private static String person(Optional<String> name, Optional<String> address) {
        return name.filter(n -> !n.isBlank()).map(n -> n + " <" + address.orElse("") + ">").orElse(address.orElse("(ukjent)"));
    }


}
