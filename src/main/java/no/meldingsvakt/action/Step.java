package no.meldingsvakt.action;

import java.util.Optional;
import no.meldingsvakt.store.Intake;

/**
 * One step of the pipeline, run in order on a message's {@link Draft}. A step either adds to the
 * draft (a case, a receipt, copies, audit lines) and returns empty, or finishes the message with
 * its intake (a duplicate, a bounce, a staff answer) so that no later step runs.
 */
@FunctionalInterface
public interface Step {
    Optional<Intake> apply(Draft d);
}
