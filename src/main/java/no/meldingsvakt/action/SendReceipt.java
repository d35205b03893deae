package no.meldingsvakt.action;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.template.TemplateRenderer;

/**
 * The routine's confirmation "mottatt og følges opp": for a person's inquiry or unplanned
 * notice, never for planned downtime or automatic mail, at most one per case, and no more than
 * the configured number per sender in a window.
 */
public final class SendReceipt {
    private final Store store;
    private final MailFactory mail;
    private final Clock clock;

    public SendReceipt(Store store, MailFactory mail, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    public ReceiptDecision decide(OrganisationConfig org, ParsedMessage m, Classification c, String caseRef, boolean newCase) {
        if (!org.receiptFor(c.category())) {
            return ReceiptDecision.no("policy: no receipt for " + c.category().id(),
                    "ikke sendt (" + c.category().norwegian().toLowerCase(java.util.Locale.ROOT) + " besvares ikke)");
        }
        if (c.automatic()) {
            return ReceiptDecision.no("automatic mail: " + c.automaticReason().get(), "ikke sendt (automatisk e-post)");
        }
        Optional<String> to = m.replyAddress();
        if (to.isEmpty()) {
            return ReceiptDecision.no("no sender address", "ikke sendt (mangler avsenderadresse)");
        }
        if (to.get().equalsIgnoreCase(org.address())) {
            return ReceiptDecision.no("reply address is the monitored address", "ikke sendt (svaradressen er vår egen)");
        }
        if (!newCase && store.receiptQueued(caseRef)) {
            return ReceiptDecision.no("case " + caseRef + " already confirmed", "allerede sendt for saken");
        }
        int recent = store.receiptsTo(org.id(), to.get(), clock.instant().minus(org.receiptLimit().window()));
        if (recent >= org.receiptLimit().max()) {
            return ReceiptDecision.no("rate limit: " + recent + " receipts to " + to.get() + " within " + org.receiptLimit().window(),
                    "ikke sendt (for mange kvitteringer til avsenderen på kort tid)");
        }
        return new ReceiptDecision(true, "receipt to " + to.get(), "sendt til " + to.get());
    }

    public OutgoingMail compose(OrganisationConfig org, TemplateRenderer templates, ParsedMessage m, String caseRef, Map<String, Object> values) {
        String to = m.replyAddress().orElseThrow();
        String key = "receipt:" + caseRef;
        String id = MailFactory.messageId(key, domain(org));
        byte[] raw = mail.receipt(new MailFactory.Sender(org.address(), org.name()), to, templates.render("receipt", values),
                m.messageId(), m.references(), id);
        return new OutgoingMail(OutgoingMail.RECEIPT, key, Optional.of(caseRef), id, org.address(), java.util.List.of(to), raw);
    }

    static String domain(OrganisationConfig org) {
        return org.address().substring(org.address().indexOf('@') + 1);
    }
}
