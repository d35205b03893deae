package no.meldingsvakt.action;

import java.util.List;
import java.util.Optional;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.OutgoingMail;

/**
 * Passes the message on to the lists its routes select, one copy per recipient with the Norwegian
 * summary and the original attached. Updates to a case go to the lists the notice went to, so the
 * same people follow it; a robot on a case (an out-of-office reply, a read receipt) is recorded
 * there but goes only where routes send automatic mail.
 */
public final class Redistribute implements Step {
    private final ListMail lists;

    public Redistribute(ListMail lists) {
        this.lists = lists;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        d.selection = d.joinedCase.filter(k -> !k.lists().isEmpty() && !d.c().automatic())
                .map(k -> new SelectRoutes.Selection(List.of("case " + k.ref()), k.lists().stream().filter(d.org.lists()::containsKey).toList()))
                .filter(sel -> !sel.lists().isEmpty()).orElse(d.a.selection());
        List<String> recipients = ListMail.recipients(d.org, d.selection.lists());
        d.values.put("lists", String.join(", ", d.selection.lists()));
        if (!recipients.isEmpty()) {
            Optional<byte[]> original = d.in.headersOnly() ? Optional.empty() : Optional.of(d.in.bytes());
            d.mails.addAll(lists.compose(d.org, OutgoingMail.COPY, d.key, d.caseRef, recipients, d.renderer.render("redistribution", d.values),
                    original));
        }
        d.audit("redistribution-queued", "routes=" + d.selection.routes() + " lists=" + d.selection.lists() + " recipients=" + recipients.size());
        return Optional.empty();
    }
}
