package no.meldingsvakt.action;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import no.meldingsvakt.classify.AutomaticMailDetector;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.classify.Classifier;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.extract.NoticeDetails;
import no.meldingsvakt.extract.NoticeExtractor;
import no.meldingsvakt.message.ParsedMessage;

/**
 * Everything Meldingsvakt decides about one message from the message and the config alone:
 * category, what the notice says, whether the routine calls for a receipt and to whom, and which
 * routes and lists it goes to. The service adds what depends on its store (an earlier receipt for
 * the case, the rate limit); the {@code classify} dry run prints this as it is.
 */
public record Assessment(
        ParsedMessage message,
        Classification classification,
        NoticeDetails details,
        ReceiptDecision receipt,
        Optional<String> receiptTo,
        SelectRoutes.Selection selection) {

    public static Assessment of(OrganisationConfig org, ParsedMessage m, Instant arrived) {
        Classification c = Classifier.classify(m, org.address(), org.checks().services());
        NoticeDetails details = NoticeExtractor.extract(m, c.category(), arrived, org.name(), org.checks());
        Optional<String> to = receiptAddress(org, m);
        ReceiptDecision receipt = routine(org, c, to);
        SelectRoutes.Selection selection = SelectRoutes.select(org, c, m.senderDomain().orElse(""), arrived);
        return new Assessment(m, c, details, receipt, to, selection);
    }

    /**
     * Where a receipt goes. A notice a colleague forwarded from inside the organisation is
     * confirmed to the partner who sent it; any other forwarder is answered themselves, so text
     * in a body can never make Meldingsvakt write to an address of its choosing.
     */
    static Optional<String> receiptAddress(OrganisationConfig org, ParsedMessage m) {
        Optional<String> original = m.forward().flatMap(f -> f.fromAddress());
        String ownDomain = domain(org.address());
        boolean internal = m.fromAddress().map(a -> domain(a).equals(ownDomain)).orElse(false);
        if (original.isPresent() && internal && !original.get().equalsIgnoreCase(org.address())
                && !AutomaticMailDetector.robotAddress(original.get())) {
            return original;
        }
        return m.replyAddress();
    }

    private static ReceiptDecision routine(OrganisationConfig org, Classification c, Optional<String> to) {
        if (!org.receiptFor(c.category())) {
            return ReceiptDecision.no("policy: no receipt for " + c.category().id(),
                    "ikke sendt (" + c.category().norwegian().toLowerCase(Locale.ROOT) + " besvares ikke)");
        }
        if (c.automatic()) {
            return ReceiptDecision.no("automatic mail: " + c.automaticReason().get(), "ikke sendt (automatisk e-post)");
        }
        if (to.isEmpty()) {
            return ReceiptDecision.no("no sender address", "ikke sendt (mangler avsenderadresse)");
        }
        if (to.get().equalsIgnoreCase(org.address())) {
            return ReceiptDecision.no("reply address is the monitored address", "ikke sendt (svaradressen er vår egen)");
        }
        return new ReceiptDecision(true, "receipt to " + to.get(), "sendt til " + to.get());
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
