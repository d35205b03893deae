package no.meldingsvakt.action;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.message.UnreadableMessageException;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Intake.AuditEntry;
import no.meldingsvakt.store.Intake.MessageStatus;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.StoreException;
import no.meldingsvakt.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one incoming message into one {@link Intake}: reads it, then runs its {@link Step}s in
 * order (by default: skip a duplicate, assess, report a bounce, take a staff answer, join or open
 * the case, send the receipt, redistribute, record the case change). A message Meldingsvakt cannot
 * read becomes a quarantine intake with a report; only a store failure escapes, so the watcher
 * leaves the message for the next pass.
 */
public final class NoticePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(NoticePipeline.class);

    private final MessageReader reader;
    private final Templates templates;
    private final ListMail lists;
    private final Clock clock;
    private final List<Step> steps;

    private NoticePipeline(Builder b) {
        this.reader = Objects.requireNonNull(b.reader, "reader");
        this.templates = Objects.requireNonNull(b.templates, "templates");
        this.lists = Objects.requireNonNull(b.lists, "lists");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.steps = List.copyOf(b.steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline without steps would record every message and do nothing");
        }
    }

    public static Builder builder() {
        return new Builder();
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
            return run(new Draft(org, in, m, templates.forOrganisation(org), clock.instant()));
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            return quarantine(org, in, "processing failed: " + e);
        }
    }

    private Intake run(Draft d) {
        for (Step step : steps) {
            Optional<Intake> done = step.apply(d);
            if (done.isPresent()) {
                return done.get();
            }
        }
        Set<String> thread = new LinkedHashSet<>();
        d.m.messageId().ifPresent(thread::add);
        return d.classified(d.c().category().id()).newCase(d.opened).caseRef(d.caseRef).caseChange(d.change)
                .threadIds(d.caseRef.isPresent() ? List.copyOf(thread) : List.of()).build();
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
        values.put("receivedAt", Draft.SHOWN.format(in.arrivedAt()));
        values.put("reason", reason);
        values.put("folder", org.folders().quarantine());
        values.put("attached", !in.headersOnly());
        List<String> to = org.adminList().map(List::of).orElse(org.fallbackLists());
        List<OutgoingMail> mails = lists.compose(org, OutgoingMail.REPORT, key, Optional.empty(), ListMail.recipients(org, to),
                templates.forOrganisation(org).render("quarantine-report", values), in.headersOnly() ? Optional.empty() : Optional.of(in.bytes()));
        String sender = partial == null ? "" : partial.fromAddress().orElse("");
        String subject = partial == null ? "" : MailFactory.headerSafe(partial.subject());
        return Intake.of(org.id(), in.uidValidity(), in.uid(), in.arrivedAt()).key(key, null).from(sender, subject)
                .status(MessageStatus.QUARANTINED, reason).mails(mails).audit(List.of(new AuditEntry("quarantined", reason + "; reported to " + to)))
                .build();
    }

    /** The pipeline's parts; every one is required, and the steps run in the order they are added. */
    public static final class Builder {
        private MessageReader reader;
        private Templates templates;
        private ListMail lists;
        private Clock clock;
        private final List<Step> steps = new ArrayList<>();

        private Builder() {}

        public Builder reader(MessageReader reader) {
            this.reader = reader;
            return this;
        }

        public Builder templates(Templates templates) {
            this.templates = templates;
            return this;
        }

        /** How quarantine reports reach the admin list. */
        public Builder lists(ListMail lists) {
            this.lists = lists;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step));
            return this;
        }

        public NoticePipeline build() {
            return new NoticePipeline(this);
        }
    }
}
