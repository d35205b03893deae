package no.meldingsvakt.outbound;

import jakarta.mail.MessagingException;

/** Delivers one stored mail. An interface so the outbox drainer can be tested without a server. */
public interface SmtpSender {
    /**
     * Sends {@code raw} to {@code recipients} through the organisation's SMTP server, or the global
     * fallback when {@code via} is {@code fallback}. Throws {@link PermanentFailure} when the server
     * refused for good (5xx), any other exception for a failure worth retrying.
     */
    void send(String org, String via, String envelopeFrom, java.util.List<String> recipients, byte[] raw) throws MessagingException;

    /** Drops cached connections, e.g. at shutdown. */
    default void close() {}

    final class PermanentFailure extends MessagingException {
        public PermanentFailure(String message, Exception cause) {
            super(message, cause);
        }
    }
}
