package no.meldingsvakt.mailbox;

import java.time.Duration;
import no.meldingsvakt.store.Intake;

/** Told what a watcher does with a new message: the outbox gets ready and wakes, the metrics count it. */
public interface IntakeEvents {
    /**
     * A message not seen before is about to be fetched and processed. Mail is likely to follow, so
     * the organisation's SMTP connection can be opened meanwhile instead of after the commit.
     * Must return at once: it runs on the watcher's thread.
     */
    default void reading(String org) {}

    /** {@code took}: from fetching the message to the commit (zero for a quarantine after failed attempts). */
    void committed(Intake in, Duration took);
}
