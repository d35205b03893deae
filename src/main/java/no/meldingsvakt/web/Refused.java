package no.meldingsvakt.web;

/** A request the console turns away, with the status and the message (in bokmål) the user sees. */
final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
