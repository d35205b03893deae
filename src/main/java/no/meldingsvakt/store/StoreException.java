package no.meldingsvakt.store;

import java.sql.SQLException;

/** The store failed; the message stays unmarked on the server and is tried again on the next pass. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, SQLException cause) {
        super(message + ": " + (cause == null ? "" : cause.getMessage()), cause);
    }
}
