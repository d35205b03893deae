package no.meldingsvakt.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened in a period, read back for the monthly report: the messages taken in, the mails
 * queued, the bounces seen, and when each case's first message arrived. Read-only; the report
 * runs beside the service on a read-only connection.
 */
public final class History {
    private final Database db;

    public History(Database db) {
        this.db = db;
    }

    /** One message taken in (duplicates are not listed). */
    public record Message(String category, boolean automatic, String status, Instant receivedAt, Optional<String> caseRef, String sender) {}

    public List<Message> messages(String org, Instant from, Instant to) {
        return db.read(c -> Sql.rows(c, "SELECT coalesce(category,''), automatic, status, received_at, case_ref, coalesce(sender,'') FROM messages"
                + " WHERE org=? AND received_at>=? AND received_at<? AND status<>'duplicate' ORDER BY id", org, from.toString(), to.toString()))
                .stream().map(r -> new Message(r[0], r[1] != null, r[2], Instant.parse(r[3]), Optional.ofNullable(r[4]), r[5])).toList();
    }

    /** One mail queued: its kind, its case, when it was queued and when (if) it was sent. */
    public record Mail(String kind, Optional<String> caseRef, Instant createdAt, Optional<Instant> sentAt, String status) {}

    /**
     * A reminder or escalation about a case, with who sent the case in; {@code aboutAnswer} tells a
     * reminder that a reply is due from one that a planned stop is about to begin.
     */
    public record FollowUp(String kind, String caseRef, String caseSender, Instant createdAt, boolean aboutAnswer) {}

    /**
     * Reminders and escalations about this organisation's cases queued in [from, to), one per
     * reminder however many people it went to (the outbox holds a row per recipient, keyed
     * {@code kind:org:effect:recipient}).
     */
    public List<FollowUp> followUps(String org, Instant from, Instant to) {
        Map<String, FollowUp> out = new java.util.LinkedHashMap<>();
        db.read(c -> Sql.rows(c, "SELECT o.kind, o.case_ref, coalesce(k.sender,''), o.created_at, k.due_at, o.dedupe_key FROM outbox o"
                + " JOIN cases k ON k.ref=o.case_ref WHERE o.org=? AND o.created_at>=? AND o.created_at<? AND o.kind IN (?,?) ORDER BY o.id",
                org, from.toString(), to.toString(), OutgoingMail.REMINDER, OutgoingMail.ESCALATION))
                .forEach(r -> out.putIfAbsent(r[5].substring(0, r[5].lastIndexOf(':')), new FollowUp(r[0], r[1], r[2], Instant.parse(r[3]), r[4] != null)));
        return List.copyOf(out.values());
    }

    /** The receipt of each of these cases, whenever it was queued. */
    public Map<String, Mail> receipts(String org, List<String> caseRefs) {
        Map<String, Mail> out = new HashMap<>();
        // One read for all of them: a month has hundreds of cases.
        db.read(c -> {
            for (String ref : caseRefs) {
                Sql.rows(c, "SELECT kind, case_ref, created_at, sent_at, status FROM outbox WHERE org=? AND case_ref=? AND kind='receipt'"
                        + " ORDER BY id LIMIT 1", org, ref).stream().findFirst()
                        .ifPresent(r -> out.put(ref, new Mail(r[0], Optional.ofNullable(r[1]), Instant.parse(r[2]), Sql.instant(r[3]), r[4])));
            }
            return null;
        });
        return out;
    }

    /** When the first message of each case arrived in the mailbox (the clock of the routine's deadlines). */
    public Map<String, Instant> firstArrivals(String org, Instant from, Instant to) {
        Map<String, Instant> out = new HashMap<>();
        db.read(c -> Sql.rows(c, "SELECT case_ref, min(received_at) FROM messages WHERE org=? AND case_ref IS NOT NULL"
                + " AND received_at>=? AND received_at<? GROUP BY case_ref", org, from.toString(), to.toString()))
                .forEach(r -> out.put(r[0], Instant.parse(r[1])));
        return out;
    }

    /** Bounces of our own mail reported in [from, to). */
    public int bounces(String org, Instant from, Instant to) {
        return db.read(c -> (int) Sql.count(c, "SELECT count(*) FROM audit WHERE org=? AND event='bounce' AND at>=? AND at<?", org,
                from.toString(), to.toString()));
    }

    /** Whether anything of this organisation is on record from before {@code at}: the service ran then. */
    public boolean anythingBefore(String org, Instant at) {
        return db.read(c -> Sql.exists(c, "SELECT 1 FROM messages WHERE org=? AND received_at<?", org, at.toString())
                || Sql.exists(c, "SELECT 1 FROM mailbox_state WHERE org=? AND updated_at<?", org, at.toString()));
    }
}
