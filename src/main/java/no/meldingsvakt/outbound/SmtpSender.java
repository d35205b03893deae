package no.meldingsvakt.outbound;

import jakarta.mail.MessagingException;

/** Delivers one stored mail. An interface so the outbox drainer can be tested without a server. */
public interface SmtpSender {
    /**
     * Sends {@code raw} to {@code recipients} through the organisation's SMTP server, or the global
     * fallback when {@code via} is {@code fallback}. Throws {@link PermanentFailure} when the server
     * refused for good (5xx), {@link PartialDelivery} when only some recipients got it, any other
     * exception for a failure worth retrying.
     */
    void send(String org, String via, String envelopeFrom, java.util.List<String> recipients, byte[] raw) throws MessagingException;

    /**
     * Opens the organisation's own connection ahead of mail that is likely to follow, so the first
     * mail after a quiet spell does not wait for connect, STARTTLS and AUTH. Never throws: a failure
     * here is the next send's to report.
     */
    default void prepare(String org) {}

    /** Drops cached connections, e.g. at shutdown. */
    default void close() {}

    /** Drops connections unused for {@code idle}: a shared relay has a limited number of sessions for all organisations. */
    default void closeIdle(java.time.Duration idle) {}

    /**
     * The server took the mail for some recipients and not for others: {@code refused} were refused
     * for good (5xx), {@code deferred} should be tried again; everyone else has it.
     */
    final class PartialDelivery extends MessagingException {
        private final java.util.Set<String> refused;
        private final java.util.Set<String> deferred;

        public PartialDelivery(String message, java.util.Set<String> refused, java.util.Set<String> deferred, Exception cause) {
            super(message, cause);
            this.refused = java.util.Set.copyOf(refused);
            this.deferred = java.util.Set.copyOf(deferred);
        }

        public java.util.Set<String> refused() {
            return refused;
        }

        public java.util.Set<String> deferred() {
            return deferred;
        }
    }

    final class PermanentFailure extends MessagingException {
        public PermanentFailure(String message, Exception cause) {
            super(message, cause);
        }
    }
}
