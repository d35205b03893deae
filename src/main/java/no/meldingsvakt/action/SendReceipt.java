package no.meldingsvakt.action;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Outbox;
import no.meldingsvakt.template.TemplateRenderer;

/**
 * The routine's confirmation "mottatt og følges opp": for a person's inquiry or unplanned
 * notice, never for planned downtime or automatic mail, at most one per case, and no more than
 * the configured number per sender in a window.
 */
public final class SendReceipt implements Step {
    private final Outbox outbox;
    private final MailFactory mail;
    private final Clock clock;

    public SendReceipt(Outbox outbox, MailFactory mail, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        ReceiptDecision receipt = d.caseRef.isPresent()
                ? decide(d.org, d.a, d.ref, d.newCase)
                : ReceiptDecision.no("no case for automatic mail", "ikke sendt (automatisk e-post)");
        if (receipt.send()) {
            try {
                d.mails.add(compose(d.org, d.renderer, d.a, d.ref, d.values));
            } catch (RuntimeException e) {
                // A receipt that cannot be built must never keep the notice from staff.
                receipt = ReceiptDecision.no("receipt could not be built: " + e.getMessage(), "ikke sendt (ugyldig avsenderadresse)");
            }
        }
        d.audit(receipt.send() ? "receipt-queued" : "receipt-skipped", receipt.why());
        d.values.put("receiptStatus", receipt.norwegian());
        return Optional.empty();
    }

    /** The routine's answer (from the assessment) narrowed by what the store knows: one per case, and the rate limit. */
    public ReceiptDecision decide(OrganisationConfig org, Assessment a, String caseRef, boolean newCase) {
        ReceiptDecision routine = a.receipt();
        if (!routine.send()) {
            return routine;
        }
        String to = a.receiptTo().orElseThrow();
        if (!newCase && outbox.receiptQueued(caseRef)) {
            return ReceiptDecision.no("case " + caseRef + " already confirmed", "allerede sendt for saken");
        }
        int recent = outbox.receiptsTo(org.id(), to, clock.instant().minus(org.receiptLimit().window()));
        if (recent >= org.receiptLimit().max()) {
            return ReceiptDecision.no("rate limit: " + recent + " receipts to " + to + " within " + org.receiptLimit().window(),
                    "ikke sendt (for mange kvitteringer til avsenderen på kort tid)");
        }
        return routine;
    }

    public OutgoingMail compose(OrganisationConfig org, TemplateRenderer templates, Assessment a, String caseRef, Map<String, Object> values) {
        ParsedMessage m = a.message();
        String to = a.receiptTo().orElseThrow();
        String key = "receipt:" + caseRef;
        String id = mail.messageId(key, ListMail.domain(org));
        byte[] raw = mail.receipt(new MailFactory.Sender(org.address(), org.name()), to, templates.render("receipt", values),
                m.messageId(), m.references(), id);
        return new OutgoingMail(OutgoingMail.RECEIPT, key, Optional.of(caseRef), id, org.address(), java.util.List.of(to), raw);
    }

}
