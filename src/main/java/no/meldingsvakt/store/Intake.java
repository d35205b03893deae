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
            Optional<Instant> windowEnd, Optional<String> noticeOrg, NoticeFacts facts) {}

    /**
     * What a later message changes on the case it joins: a moved window, an answer, the end of the case,
     * or ({@code reopenDue}) a new due time because the partner wrote again on an answered case.
     */
    public record CaseChange(Optional<Instant> windowStart, Optional<Instant> windowEnd, Optional<String> answeredBy,
            Optional<String> closeNote, Optional<Instant> reopenDue, boolean cancelled) {
        public static final CaseChange NONE = new CaseChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false);

        public static CaseChange answered(String by) {
            return new CaseChange(Optional.empty(), Optional.empty(), Optional.of(by), Optional.empty(), Optional.empty(), false);
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

    /** An intake of one message, by name: what is not set is empty (no case, no mails, processed). */
    public static Builder of(String org, long uidValidity, long uid, Instant receivedAt) {
        return new Builder(org, uidValidity, uid, receivedAt);
    }

    /** Builds the eighteen fields of an {@link Intake} by name rather than by position. */
    public static final class Builder {
        private final String org;
        private final long uidValidity;
        private final long uid;
        private final Instant receivedAt;
        private String messageKey;
        private String fingerprint;
        private String sender = "";
        private String subject = "";
        private String category = "";
        private String automatic;
        private MessageStatus status = MessageStatus.PROCESSED;
        private String reason;
        private Optional<NewCase> newCase = Optional.empty();
        private Optional<String> caseRef = Optional.empty();
        private Optional<CaseChange> caseChange = Optional.empty();
        private List<String> threadIds = List.of();
        private List<OutgoingMail> mails = List.of();
        private List<AuditEntry> audit = List.of();

        private Builder(String org, long uidValidity, long uid, Instant receivedAt) {
            this.org = org;
            this.uidValidity = uidValidity;
            this.uid = uid;
            this.receivedAt = receivedAt;
        }

        public Builder key(String messageKey, String fingerprint) {
            this.messageKey = messageKey;
            this.fingerprint = fingerprint;
            return this;
        }

        public Builder from(String sender, String subject) {
            this.sender = sender;
            this.subject = subject;
            return this;
        }

        public Builder category(String category, String automatic) {
            this.category = category;
            this.automatic = automatic;
            return this;
        }

        public Builder status(MessageStatus status, String reason) {
            this.status = status;
            this.reason = reason;
            return this;
        }

        public Builder newCase(Optional<NewCase> newCase) {
            this.newCase = newCase;
            return this;
        }

        public Builder caseRef(Optional<String> caseRef) {
            this.caseRef = caseRef;
            return this;
        }

        public Builder caseChange(Optional<CaseChange> caseChange) {
            this.caseChange = caseChange;
            return this;
        }

        public Builder threadIds(List<String> threadIds) {
            this.threadIds = List.copyOf(threadIds);
            return this;
        }

        public Builder mails(List<OutgoingMail> mails) {
            this.mails = List.copyOf(mails);
            return this;
        }

        public Builder audit(List<AuditEntry> audit) {
            this.audit = List.copyOf(audit);
            return this;
        }

        public Intake build() {
            return new Intake(org, uidValidity, uid, java.util.Objects.requireNonNull(messageKey, "messageKey"), fingerprint, sender, subject,
                    category, automatic, status, reason, receivedAt, newCase, caseRef, caseChange, threadIds, mails, audit);
        }
    }
}
