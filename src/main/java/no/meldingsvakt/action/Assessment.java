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
import no.meldingsvakt.message.Addresses;
import no.meldingsvakt.message.ParsedMessage;
import no.meldingsvakt.trust.SenderCheck;
import no.meldingsvakt.trust.SenderTrust;

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
        SelectRoutes.Selection selection,
        SenderCheck sender) {

    public static Assessment of(OrganisationConfig org, ParsedMessage m, Instant arrived) {
        Classification c = Classifier.classify(m, org.address(), org.checks().services());
        NoticeDetails details = NoticeExtractor.extract(m, c.category(), arrived, org.name(), org.checks());
        SenderCheck sender = SenderTrust.check(org.trust(), m);
        Optional<String> to = receiptAddress(org, m, sender);
        ReceiptDecision receipt = routine(org, c, to, sender);
        SelectRoutes.Selection selection = SelectRoutes.select(org, c, m.senderDomain().orElse(""), arrived);
        return new Assessment(m, c, details, receipt, to, selection, sender);
    }

    /**
     * Where a receipt goes: the From address (a Reply-To only within the From address's own
     * domain, so a stranger cannot aim our receipt at a third party). A notice forwarded by the
     * organisation's own authenticated staff is confirmed to the partner named in the forward;
     * any other forward is confirmed to whoever forwarded it. Under {@code trust: none} nobody is
     * authenticated, so that is always the forwarder.
     */
    static Optional<String> receiptAddress(OrganisationConfig org, ParsedMessage m, SenderCheck sender) {
        Optional<String> from = m.fromAddress();
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> original = m.forward().flatMap(f -> f.fromAddress());
        boolean staff = org.trust().ownDomain(from.get()) && sender.authenticated().orElse(false);
        if (original.isPresent() && staff && !original.get().equalsIgnoreCase(org.address())
                && !AutomaticMailDetector.robotAddress(original.get())) {
            return original;
        }
        Optional<String> replyTo = m.replyTo().filter(r -> Addresses.related(r, from.get()));
        return replyTo.or(() -> from);
    }

    /**
     * Whether, as far as the message itself tells, it is a staff member's answer to a copy or
     * reminder: from staff, and a reply to a Message-ID of Meldingsvakt's form. The service also
     * requires that id to be one it sent ({@link no.meldingsvakt.store.Store#staffMailCase}).
     */
    public boolean staffReply(OrganisationConfig org) {
        String ours = "@" + Addresses.domain(org.address()) + ">";
        return !classification.automatic() && FollowCase.fromStaff(org, message, sender)
                && java.util.stream.Stream.concat(message.inReplyTo().stream(), message.references().stream())
                        .anyMatch(id -> id.startsWith("<mv.") && id.toLowerCase(Locale.ROOT).endsWith(ours));
    }


    private static ReceiptDecision routine(OrganisationConfig org, Classification c, Optional<String> to, SenderCheck sender) {
        if (!org.receiptFor(c.category())) {
            return ReceiptDecision.no("policy: no receipt for " + c.category().id(),
                    "ikke sendt (" + c.category().norwegian().toLowerCase(Locale.ROOT) + " besvares ikke)");
        }
        if (c.automatic()) {
            return ReceiptDecision.no("automatic mail: " + c.automaticReason().get(), "ikke sendt (automatisk e-post)");
        }
        if (sender.refuted()) {
            return ReceiptDecision.no("sender not authenticated: " + sender.why(), "ikke sendt (avsenderen er ikke verifisert)");
        }
        if (to.isEmpty()) {
            return ReceiptDecision.no("no sender address", "ikke sendt (mangler avsenderadresse)");
        }
        if (to.get().equalsIgnoreCase(org.address())) {
            return ReceiptDecision.no("reply address is the monitored address", "ikke sendt (svaradressen er vår egen)");
        }
        return new ReceiptDecision(true, "receipt to " + to.get(), "sendt til " + to.get());
    }
}
