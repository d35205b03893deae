package no.meldingsvakt.store;

import java.util.List;
import java.util.Optional;

/**
 * A fully rendered mail waiting in the outbox. {@code dedupeKey} is unique across the store, so
 * the same effect can be queued any number of times and is still sent once.
 */
public record OutgoingMail(
        String kind,
        String dedupeKey,
        Optional<String> caseRef,
        String messageId,
        String envelopeFrom,
        List<String> recipients,
        byte[] raw) {
    public static final String RECEIPT = "receipt";
    public static final String COPY = "copy";
    public static final String REPORT = "report";
}
