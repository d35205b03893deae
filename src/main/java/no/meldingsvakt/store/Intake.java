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
        String fingerprint,
        String sender,
        String subject,
        String category,
        String automatic,
        MessageStatus status,
        String reason,
        Instant receivedAt,
        Optional<NewCase> newCase,
        Optional<String> caseRef,
        Optional<CaseChange> caseChange,
        List<String> threadIds,
        List<OutgoingMail> mails,
        List<AuditEntry> audit) {

    /**
     * A case this message opens. {@code replyTo} is where an answer to the partner goes, {@code lists}
     * the lists the notice went to (reminders go there), {@code dueAt} when a reply is due (empty
     * when none is expected), {@code noticeOrg} the organisation the notice is about (for joining).
     */
    public record NewCase(String ref, String category, String subject, String sender, Optional<String> replyTo,
            Optional<String> originalMessageId, List<String> lists, Optional<Instant> dueAt, Optional<Instant> windowStart,
            Optional<Instant> windowEnd, Optional<String> noticeOrg) {}

    /**
     * What a later message changes on the case it joins: a moved window, an answer, the end of the case,
     * or ({@code reopenDue}) a new due time because the partner wrote again on an answered case.
     */
    public record CaseChange(Optional<Instant> windowStart, Optional<Instant> windowEnd, Optional<String> answeredBy,
            Optional<String> closeNote, Optional<Instant> reopenDue) {
        public static final CaseChange NONE = new CaseChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public static CaseChange answered(String by) {
            return new CaseChange(Optional.empty(), Optional.empty(), Optional.of(by), Optional.empty(), Optional.empty());
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    public record AuditEntry(String event, String detail) {}

    public enum MessageStatus {
        PROCESSED, QUARANTINED, DUPLICATE;

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
