package no.meldingsvakt.action;

import no.meldingsvakt.store.CaseRecord;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Intake.AuditEntry;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.TemplateRenderer;

/**
 * One message on its way through the {@link Step}s: what it is, and what the steps so far have
 * decided (its key, its assessment, its case, the mails and audit lines it causes). Lives for one
 * message on one thread.
 */
public final class Draft {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(BusinessCalendar.OSLO);

    final OrganisationConfig org;
    final Incoming in;
    final ParsedMessage m;
    final TemplateRenderer renderer;
    final Instant now;
    String key;
    String fingerprint;
    Assessment a;
    final List<AuditEntry> audit = new ArrayList<>();
    final List<OutgoingMail> mails = new ArrayList<>();
    Optional<String> joined = Optional.empty();
    Optional<CaseRecord> joinedCase = Optional.empty();
    boolean newCase;
    String ref;
    Optional<String> caseRef = Optional.empty();
    Map<String, Object> values = new HashMap<>();
    SelectRoutes.Selection selection;
    Optional<Intake.NewCase> opened = Optional.empty();
    Optional<Intake.CaseChange> change = Optional.empty();

    Draft(OrganisationConfig org, Incoming in, ParsedMessage m, TemplateRenderer renderer, Instant now) {
        this.org = org;
        this.in = in;
        this.m = m;
        this.renderer = renderer;
        this.now = now;
    }

    Classification c() {
        return a.classification();
    }

    /** The intake with what every intake has: where the message came from, its key, sender and subject. */
    Intake.Builder intake() {
        return Intake.of(org.id(), in.uidValidity(), in.uid(), in.arrivedAt()).key(key, fingerprint)
                .from(m.fromAddress().orElse(""), MailFactory.headerSafe(m.subject()));
    }

    /** The intake as classified, with the mails and audit lines gathered so far. */
    Intake.Builder classified(String category) {
        return intake().category(category, c().automaticReason().orElse(null)).mails(mails).audit(audit);
    }

    void audit(String event, String detail) {
        audit.add(new AuditEntry(event, detail));
    }

    /** The Message-IDs this message answers, nearest first: In-Reply-To, then References from the end. */
    List<String> threadParents() {
        List<String> ids = new ArrayList<>(m.inReplyTo());
        List<String> refs = new ArrayList<>(m.references());
        java.util.Collections.reverse(refs);
        ids.addAll(refs);
        return ids;
    }

    /** The template values every mail about this message shares (case reference, sender, times). */
    void fillValues(String shownRef) {
        Map<String, Object> v = values;
        Classification c = c();
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
        v.put("caseRef", shownRef);
        v.put("category", c.category().id());
        v.put("categoryLabel", c.category().norwegian());
        v.put("services", String.join(", ", c.services()));
        v.put("automaticReason", c.automaticReason().orElse(""));
        v.put("attached", !in.headersOnly());
        v.put("sizeMb", String.format(Locale.ROOT, "%.1f", in.size() / (1024.0 * 1024.0)));
        v.put("folder", org.folders().processed());
        v.put("now", SHOWN.format(now));
        v.putAll(NoticeValues.of(a));
    }

    private static String person(Optional<String> name, Optional<String> address) {
        return name.filter(n -> !n.isBlank()).map(n -> n + " <" + address.orElse("") + ">").orElse(address.orElse("(ukjent)"));
    }
}
