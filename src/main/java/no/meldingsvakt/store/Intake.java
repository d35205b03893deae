package no.meldingsvakt.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one incoming message causes, committed together: its record, its case (new or
 * joined), the Message-IDs that thread onto the case, the mails to send and the audit entries.
 */
public record Intake(
        String org,
        long uidValidity,
        long uid,
        String messageKey,
        String sender,
        String subject,
        String category,
        String automatic,
        MessageStatus status,
        String reason,
        Instant receivedAt,
        Optional<NewCase> newCase,
        Optional<String> caseRef,
        List<String> threadIds,
        List<OutgoingMail> mails,
        List<AuditEntry> audit) {

    public record NewCase(String ref, String category, String subject, String sender) {}

    public record AuditEntry(String event, String detail) {}

    public enum MessageStatus {
        PROCESSED, QUARANTINED, DUPLICATE;

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
