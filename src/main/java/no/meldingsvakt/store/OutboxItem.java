package no.meldingsvakt.store;

import java.util.List;

/** An outbox row due for delivery; rows with the same {@code bodyKey} (not empty) carry the same bytes. */
public record OutboxItem(long id, String org, String kind, String messageId, String envelopeFrom, List<String> recipients,
        byte[] raw, int attempts, String via, String bodyKey) {}
