package no.meldingsvakt.message;

/** The bytes are not a message Meldingsvakt can act on; the watcher quarantines it with this reason. */
public final class UnreadableMessageException extends Exception {
    public UnreadableMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
