package no.meldingsvakt.store;

import java.time.Clock;

/**
 * The store, by what it keeps: the message log, the outbox, the cases, health and alerts, and the
 * store's own secrets, and the history the monthly report reads. One handle for the places (CLI, demo, tests) that need several of them;
 * the pipeline is given only the parts it uses.
 */
public record Store(Database database, MessageLog messages, Outbox outbox, Cases cases, Alerts alerts, Secrets secrets, History history) {

    /** Every part over one database, for a single instance (no lease to check). */
    public static Store of(Database db, Clock clock) {
        return of(db, clock, Fence.NONE);
    }

    public static Store of(Database db, Clock clock, Fence fence) {
        return new Store(db, new MessageLog(db, clock, fence), new Outbox(db, clock), new Cases(db, clock), new Alerts(db, clock), new Secrets(db, clock),
                new History(db));
    }
}
