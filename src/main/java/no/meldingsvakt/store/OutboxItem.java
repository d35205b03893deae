package no.meldingsvakt.store;

import java.util.List;

/** An outbox row due for delivery. */
public record OutboxItem(long id, String org, String kind, String messageId, String envelopeFrom, List<String> recipients,
        byte[] raw, int attempts, String via) {}
