package no.meldingsvakt.action;

import java.util.Optional;
import no.meldingsvakt.classify.Classification;
import no.meldingsvakt.store.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides what the message is and who really sent it ({@link Assessment}), and writes both to the audit. */
public final class Assess implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(Assess.class);

    @Override
    public Optional<Intake> apply(Draft d) {
        d.a = Assessment.of(d.org, d.m, d.in.arrivedAt());
        Classification c = d.c();
        if (d.a.sender().refuted()) {
            // At 03:00 a wrong authserv-id shows here, one line per notice, not only in the audit.
            LOG.info("mailbox {}: UID {} from {} is not authenticated ({}): no receipt, no answer, no closing", d.org.id(), d.in.uid(),
                    d.m.fromAddress().orElse("?"), d.a.sender().why());
        }
        d.audit("sender", d.a.sender().authenticated().map(x -> x ? "authenticated: " : "not authenticated: ").orElse("not verified: ")
                + d.a.sender().why());
        d.audit("classified", c.category().id() + c.automaticReason().map(r -> " (automatic: " + r + ")").orElse("")
                + (c.services().isEmpty() ? "" : " services=" + c.services())
                + d.m.forward().map(f -> " forwarded (" + f.form() + ") from " + f.fromAddress().orElse("?")).orElse(""));
        if (!d.a.details().problems().isEmpty()) {
            d.audit("problems", d.a.details().problems().stream().map(p -> p.id()).toList().toString());
        }
        return Optional.empty();
    }
}
