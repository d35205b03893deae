package no.meldingsvakt.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One case as stored. Times are instants; {@code lists} the lists the notice went to. */
public record CaseRecord(
        String ref,
        String org,
        String category,
        String subject,
        String sender,
        String status,
        Instant openedAt,
        Optional<Instant> dueAt,
        Optional<Instant> answeredAt,
        List<String> lists,
        Optional<Instant> windowStart,
        Optional<Instant> windowEnd,
        Optional<String> replyTo,
        Optional<String> originalMessageId,
        Optional<String> noticeOrg,
        Optional<String> note,
        Optional<String> answeredBy,
        int round,
        NoticeFacts facts,
        int windowSeq,
        boolean cancelled,
        Optional<Instant> closedAt,
        Optional<String> closedBy) {
    public boolean awaitsAnswer() {
        return status.equals("open") || status.equals("receipt-sent");
    }

    public boolean overdue(Instant now) {
        return awaitsAnswer() && dueAt.isPresent() && now.isAfter(dueAt.get());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a case by name instead of by position. */
    public static final class Builder {
        private String ref;
        private String org;
        private String category;
        private String subject;
        private String sender;
        private String status;
        private Instant openedAt;
        private Optional<Instant> dueAt;
        private Optional<Instant> answeredAt;
        private List<String> lists;
        private Optional<Instant> windowStart;
        private Optional<Instant> windowEnd;
        private Optional<String> replyTo;
        private Optional<String> originalMessageId;
        private Optional<String> noticeOrg;
        private Optional<String> note;
        private Optional<String> answeredBy;
        private int round;
        private NoticeFacts facts = NoticeFacts.NONE;
        private int windowSeq;
        private boolean cancelled;
        private Optional<Instant> closedAt = Optional.empty();
        private Optional<String> closedBy = Optional.empty();

        private Builder() {}

        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        public Builder org(String org) {
            this.org = org;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder sender(String sender) {
            this.sender = sender;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        public Builder dueAt(Optional<Instant> dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public Builder answeredAt(Optional<Instant> answeredAt) {
            this.answeredAt = answeredAt;
            return this;
        }

        public Builder lists(List<String> lists) {
            this.lists = lists;
            return this;
        }

        public Builder windowStart(Optional<Instant> windowStart) {
            this.windowStart = windowStart;
            return this;
        }

        public Builder windowEnd(Optional<Instant> windowEnd) {
            this.windowEnd = windowEnd;
            return this;
        }

        public Builder replyTo(Optional<String> replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder originalMessageId(Optional<String> originalMessageId) {
            this.originalMessageId = originalMessageId;
            return this;
        }

        public Builder noticeOrg(Optional<String> noticeOrg) {
            this.noticeOrg = noticeOrg;
            return this;
        }

        public Builder note(Optional<String> note) {
            this.note = note;
            return this;
        }

        public Builder answeredBy(Optional<String> answeredBy) {
            this.answeredBy = answeredBy;
            return this;
        }

        public Builder round(int round) {
            this.round = round;
            return this;
        }

        public Builder facts(NoticeFacts facts) {
            this.facts = facts;
            return this;
        }

        /** How often the window moved; and whether the stop was called off. */
        public Builder window(int windowSeq, boolean cancelled) {
            this.windowSeq = windowSeq;
            this.cancelled = cancelled;
            return this;
        }

        public Builder closed(Optional<Instant> closedAt, Optional<String> closedBy) {
            this.closedAt = closedAt;
            this.closedBy = closedBy;
            return this;
        }

        public CaseRecord build() {
            return new CaseRecord(ref, org, category, subject, sender, status, openedAt, dueAt, answeredAt, lists, windowStart, windowEnd, replyTo,
                    originalMessageId, noticeOrg, note, answeredBy, round, facts, windowSeq, cancelled, closedAt, closedBy);
        }
    }
}
