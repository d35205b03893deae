package no.meldingsvakt.store;

import java.sql.SQLException;

/** The store failed; the message stays unmarked on the server and is tried again on the next pass. */
public class StoreException extends RuntimeException {
    public StoreException(String message, SQLException cause) {
        super(cause == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
