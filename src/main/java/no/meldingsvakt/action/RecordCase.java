package no.meldingsvakt.action;

import java.util.Optional;
import no.meldingsvakt.store.Intake;

/**
 * Opens the new case (with the lists the notice went to and its deadline in business time), or
 * works out what the message changes on the case it joined: an answer, a new window, a closing, a
 * reopening. Each change is written to the audit.
 */
public final class RecordCase implements Step {
    private final FollowCase follow;

    public RecordCase(FollowCase follow) {
        this.follow = follow;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        if (d.newCase) {
            d.opened = Optional.of(follow.newCase(d.org, d.a, d.ref, d.selection.lists(), d.in.arrivedAt()));
        }
        if (d.joinedCase.isEmpty()) {
            return Optional.empty();
        }
        d.change = Optional.of(follow.change(d.org, d.a, d.joinedCase.get(), d.in.arrivedAt(), d.audit)).filter(ch -> !ch.isEmpty());
        d.change.flatMap(Intake.CaseChange::closeNote).ifPresent(n -> d.audit("closed", n));
        d.change.flatMap(Intake.CaseChange::reopenDue).ifPresent(due -> d.audit("reopened", "the partner wrote again after the answer; reply due " + due));
        d.change.filter(ch -> ch.windowStart().isPresent()).ifPresent(ch -> d.audit("window-updated",
                ch.windowStart().get() + " - " + ch.windowEnd().map(Object::toString).orElse("?")));
        return Optional.empty();
    }
}
