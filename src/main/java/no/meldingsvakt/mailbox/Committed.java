package no.meldingsvakt.mailbox;

import java.time.Duration;
import no.meldingsvakt.store.Intake;

/** Told of each intake once the store has it: the outbox wakes, the metrics count it. */
@FunctionalInterface
public interface Committed {
    /** {@code took}: from fetching the message to the commit (zero for a quarantine after failed attempts). */
    void committed(Intake in, Duration took);
}
