package no.meldingsvakt.action;

import no.meldingsvakt.outbound.ListMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.template.TemplateRenderer;

/**
 * Recognises a delivery failure of Meldingsvakt's own mail by the Message-IDs it derives for
 * everything it sends, and tells the admin list: a recipient list with a dead address is a
 * broken routine.
 */
public final class ReportBounce implements Step {
    private static final Pattern OUR_ID = Pattern.compile("<mv\\.[0-9a-f]{32}@[^>\\s]+>");
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*(?:rfc822;)?\\s*<?([^>\\s]+)>?");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;)?\\s*(.+)$");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d+\\.\\d+)");
    private static final Map<String, String> WHAT = Map.of(OutgoingMail.COPY, "kopi av et varsel", OutgoingMail.RECEIPT, "kvittering",
            OutgoingMail.ALERT, "driftsvarsel", OutgoingMail.REPORT, "rapport");

    private final Outbox outbox;
    private final ListMail redistribute;

    public ReportBounce(Outbox outbox, ListMail redistribute) {
        this.outbox = outbox;
        this.redistribute = redistribute;
    }

    /** A bounce of our own mail finishes the message: the admin list hears which address failed, nothing else is sent. */
    @Override
    public Optional<Intake> apply(Draft d) {
        List<Bounce> bounced = d.c().automatic() ? match(d.m, d.in.bytes()) : List.of();
        if (bounced.isEmpty()) {
            return Optional.empty();
        }
        bounced.forEach(b -> d.audit("bounce", b.kind() + " to " + b.recipient() + ": " + b.status()));
        d.mails.addAll(report(d.org, d.renderer, d.key, bounced));
        return Optional.of(d.classified(d.c().category().id()).status(Intake.MessageStatus.PROCESSED, "bounce").build());
    }

    private static final Pattern FAILURE_SENDER = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon)@", Pattern.CASE_INSENSITIVE);
    private static final Pattern FAILURE_SUBJECT = Pattern.compile(
            "(undeliver|unzustellbar|ikke levert|kan ikke leveres|kunne ikke leveres|delivery status notification|returned mail|"
                    + "mail delivery failed|delivery failure|failure notice)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A delivery-failure report (DSN, a mailer-daemon, a non-delivery subject), as opposed to, say,
     * an out-of-office reply that merely quotes one of our Message-IDs.
     */
    static boolean isDeliveryFailure(ParsedMessage m) {
        return m.contentType().contains("report-type=delivery-status")
                || m.fromAddress().map(a -> FAILURE_SENDER.matcher(a).find()).orElse(false)
                || FAILURE_SUBJECT.matcher(m.subject()).find();
    }

    /** What bounced, if this message reports a failed delivery of something Meldingsvakt sent. */
    public List<Bounce> match(ParsedMessage message, byte[] raw) {
        if (!isDeliveryFailure(message)) {
            return List.of();
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = OUR_ID.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String status = first(DIAGNOSTIC, text).or(() -> first(STATUS, text)).orElse("ingen detaljer oppgitt");
        Optional<String> finalRecipient = first(FINAL_RECIPIENT, text);
        List<Bounce> out = new ArrayList<>();
        List<Outbox.Sent> sent = outbox.byMessageIds(List.copyOf(ids));
        // A copy to several staff shares one Message-ID: the report's recipient says whose copy bounced (else one per mail).
        List<Outbox.Sent> whose = finalRecipient.map(r -> sent.stream().filter(s -> s.recipients().equalsIgnoreCase(r)).toList())
                .filter(l -> !l.isEmpty()).orElseGet(() -> List.copyOf(sent.stream()
                        .collect(java.util.stream.Collectors.toMap(Outbox.Sent::messageId, s -> s, (a, b) -> a, java.util.LinkedHashMap::new)).values()));
        for (Outbox.Sent s : whose) {
            out.add(new Bounce(s.kind(), finalRecipient.orElse(s.recipients()), s.caseRef(), status.strip()));
        }
        return out;
    }

    public List<OutgoingMail> report(OrganisationConfig org, TemplateRenderer templates, String messageKey, List<Bounce> bounces) {
        List<OutgoingMail> out = new ArrayList<>();
        List<String> lists = org.adminList().map(List::of).orElse(org.fallbackLists());
        for (Bounce b : bounces) {
            Map<String, Object> v = new HashMap<>();
            v.put("organisation", org.name());
            v.put("recipient", b.recipient());
            v.put("what", WHAT.getOrDefault(b.kind(), "e-post"));
            v.put("caseRef", b.caseRef().isEmpty() ? "–" : b.caseRef());
            v.put("status", b.status());
            out.addAll(redistribute.compose(org, OutgoingMail.REPORT, "bounce:" + messageKey + ":" + b.recipient(), Optional.empty(),
                    ListMail.recipients(org, lists), templates.render("bounce-report", v), Optional.empty()));
        }
        return out;
    }

    private static Optional<String> first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One of our mails that could not be delivered. */
    public record Bounce(String kind, String recipient, String caseRef, String status) {}
}
