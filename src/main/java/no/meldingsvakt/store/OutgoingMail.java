package no.meldingsvakt.store;

import java.util.List;
import java.util.Optional;

/**
 * A fully rendered mail waiting in the outbox. {@code dedupeKey} is unique across the store, so
 * the same effect can be queued any number of times and is still sent once. Mails with the same
 * {@code sharedBody} carry the same bytes to different recipients: the store keeps those bytes once
 * and the drainer hands them to SMTP in one transaction for all of them.
 */
public record OutgoingMail(
        String kind,
        String dedupeKey,
        Optional<String> caseRef,
        String messageId,
        String envelopeFrom,
        List<String> recipients,
        byte[] raw,
        String via,
        Optional<String> sharedBody) {
    public static final String VIA_ORG = "org";
    public static final String VIA_FALLBACK = "fallback";

    public OutgoingMail(String kind, String dedupeKey, Optional<String> caseRef, String messageId, String envelopeFrom,
            List<String> recipients, byte[] raw, String via) {
        this(kind, dedupeKey, caseRef, messageId, envelopeFrom, recipients, raw, via, Optional.empty());
    }

    /** The same mail, its bytes stored once under {@code bodyKey} with every other mail that shares them. */
    public OutgoingMail sharing(String bodyKey) {
        return new OutgoingMail(kind, dedupeKey, caseRef, messageId, envelopeFrom, recipients, raw, via, Optional.of(bodyKey));
    }

    /** A mail that leaves through the organisation's own SMTP server. */
    public OutgoingMail(String kind, String dedupeKey, Optional<String> caseRef, String messageId, String envelopeFrom,
            List<String> recipients, byte[] raw) {
        this(kind, dedupeKey, caseRef, messageId, envelopeFrom, recipients, raw, VIA_ORG);
    }

    public static final String RECEIPT = "receipt";
    public static final String COPY = "copy";
    public static final String REPORT = "report";
    public static final String ALERT = "alert";
    public static final String REMINDER = "reminder";
    public static final String ESCALATION = "escalation";
    public static final String ANSWER = "answer";
}
