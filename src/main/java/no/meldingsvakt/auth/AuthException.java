package no.meldingsvakt.auth;

/** Getting a credential failed; the message is plain words for an administrator and never holds a secret. */
public final class AuthException extends Exception {
    public AuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
