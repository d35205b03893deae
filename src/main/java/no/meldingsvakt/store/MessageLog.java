package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which messages of each mailbox were processed, and how: the record that makes a replay after a
 * crash harmless. {@link #record} commits a whole intake (case, outbox, audit) in one transaction.
 */
public final class MessageLog {
    private final Database db;
    private final Clock clock;
    private final Fence fence;

    public MessageLog(Database db, Clock clock, Fence fence) {
        this.db = db;
        this.clock = clock;
        this.fence = fence;
    }

    /** The status a message was recorded with, if it was. */
    public Optional<Intake.MessageStatus> recorded(String org, long uidValidity, long uid) {
        return db.read(c -> Sql.rows(c, "SELECT status FROM messages WHERE org=? AND uidvalidity=? AND uid=?", org, uidValidity, uid)
                .stream().findFirst().map(r -> Intake.MessageStatus.valueOf(r[0].toUpperCase(Locale.ROOT))));
    }

    /** An earlier message with the same key: its case (empty string for none) and its fingerprint (null for rows from before V5). */
    public record Seen(String caseRef, String fingerprint) {}

    /** The earlier processed message with this key, if there was one (Message-ID de-duplication). */
    public Optional<Seen> seenMessageKey(String org, String messageKey) {
        return db.read(c -> Sql.rows(c, "SELECT coalesce(case_ref, ''), fingerprint FROM messages WHERE org=? AND message_key=?"
                + " AND status<>'duplicate' AND coalesce(settled,'')<>'released'", org, messageKey).stream().findFirst().map(r -> new Seen(r[0], r[1])));
    }

    /**
     * Commits an intake in one transaction. Returns false, changing nothing, when this UID was
     * already recorded (a replay after a crash between commit and IMAP move). Throws
     * {@link Fence.LostException} when this instance no longer holds the organisation's mailbox.
     */
    public boolean record(Intake in) {
        return db.transaction(c -> {
            fence.check(c, in.org());
            if (Sql.exists(c, "SELECT 1 FROM messages WHERE org=? AND uidvalidity=? AND uid=?", in.org(), in.uidValidity(), in.uid())) {
                return false;
            }
            String now = clock.instant().toString();
            if (in.newCase().isPresent()) {
                Intake.NewCase nc = in.newCase().get();
                NoticeFacts f = nc.facts();
                Sql.update(c, "INSERT INTO cases(ref, org, category, subject, sender, status, opened_at, updated_at, reply_to, original_message_id,"
                                + " lists, due_at, window_start, window_end, notice_org, partner, organisation, phone, services, notice_text, problems)"
                                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        nc.ref(), in.org(), nc.category(), nc.subject(), nc.sender(), "open", now, now, nc.replyTo().orElse(null),
                        nc.originalMessageId().orElse(null), String.join(",", nc.lists()), Sql.iso(nc.dueAt()), Sql.iso(nc.windowStart()),
                        Sql.iso(nc.windowEnd()), nc.noticeOrg().orElse(null), f.partner(), f.organisation().orElse(null), f.phone().orElse(null),
                        String.join(",", f.services()), f.text(), String.join(",", f.problems()));
            } else if (in.caseRef().isPresent()) {
                Sql.update(c, "UPDATE cases SET updated_at=? WHERE ref=?", now, in.caseRef().get());
                if (in.caseChange().isPresent()) {
                    Cases.apply(c, in.caseRef().get(), in.caseChange().get(), now);
                }
            }
            Sql.update(c, "INSERT INTO messages(org, uidvalidity, uid, message_key, fingerprint, sender, subject, category, automatic, status, reason,"
                            + " case_ref, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    in.org(), in.uidValidity(), in.uid(), in.messageKey(), in.fingerprint(), in.sender(), in.subject(), in.category(), in.automatic(),
                    in.status().db(), in.reason(), in.caseRef().orElse(null), in.receivedAt().toString());
            for (String id : in.threadIds()) {
                Sql.update(c, "INSERT INTO case_threads(org, message_id, case_ref) VALUES (?,?,?) ON CONFLICT DO NOTHING", in.org(), id,
                        in.caseRef().orElseThrow());
            }
            long nowMillis = clock.millis();
            for (OutgoingMail m : in.mails()) {
                Outbox.insert(c, in.org(), m, now, nowMillis);
            }
            for (Intake.AuditEntry a : in.audit()) {
                Audit.write(c, now, in.org(), in.caseRef().orElse(null), in.messageKey(), a.event(), a.detail());
            }
            Sql.update(c, "UPDATE mailbox_state SET last_uid=CASE WHEN last_uid > ? THEN last_uid ELSE ? END, updated_at=? WHERE org=? AND uidvalidity=?",
                    in.uid(), in.uid(), now, in.org(), in.uidValidity());
            return true;
        });
    }

    /** Records the server's UIDVALIDITY; a change restarts the UID count (Message-ID de-duplication covers the gap). */
    public void startMailbox(String org, long uidValidity) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            Optional<Long> old = Sql.rows(c, "SELECT uidvalidity FROM mailbox_state WHERE org=?", org).stream().findFirst()
                    .map(r -> Long.parseLong(r[0]));
            if (old.isEmpty()) {
                Sql.update(c, "INSERT INTO mailbox_state(org, uidvalidity, last_uid, updated_at) VALUES (?,?,0,?) ON CONFLICT DO NOTHING",
                        org, uidValidity, now);
            } else if (old.get() != uidValidity) {
                Sql.update(c, "UPDATE mailbox_state SET uidvalidity=?, last_uid=0, updated_at=? WHERE org=?", uidValidity, now, org);
                Audit.write(c, now, org, null, null, "uidvalidity-changed", old.get() + " -> " + uidValidity + "; de-duplicating by Message-ID");
            }
            return null;
        });
    }

    /** How many messages are recorded, in every mailbox. */
    public long count() {
        return db.transaction(c -> Sql.count(c, "SELECT count(*) FROM messages"));
    }

    /** One recorded message as the demo reports it: what it was, what became of it. */
    public record Outcome(long id, String subject, String category, String automatic, String caseRef, String status, String reason,
            Optional<String> receipt, Optional<String> redistribution) {}

    /** The messages recorded after {@code afterId}, in order. */
    public List<Outcome> outcomesAfter(long afterId) {
        return db.transaction(c -> Sql.rows(c, "SELECT m.id, m.subject, m.category, m.automatic, coalesce(m.case_ref, '-'), m.status,"
                        + " coalesce(m.reason, ''),"
                        + " (SELECT max(detail) FROM audit a WHERE a.message_key = m.message_key AND a.event LIKE 'receipt-%'),"
                        + " (SELECT max(detail) FROM audit a WHERE a.message_key = m.message_key AND a.event = 'redistribution-queued')"
                        + " FROM messages m WHERE m.id > ? ORDER BY m.id", afterId).stream()
                .map(r -> new Outcome(Long.parseLong(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], Optional.ofNullable(r[7]), Optional.ofNullable(r[8])))
                .toList());
    }


    /** A quarantined message not yet dealt with. */
    public record Quarantined(long id, String org, Instant receivedAt, String sender, String subject, String reason, String messageKey) {}

    private static final String QUARANTINED = "SELECT id, org, received_at, coalesce(sender,''), coalesce(subject,''), coalesce(reason,''), message_key"
            + " FROM messages WHERE status='quarantined' AND settled IS NULL";

    /** The quarantined messages of an organisation that nobody has released or discarded, newest first. */
    public List<Quarantined> quarantined(String org) {
        return db.transaction(c -> Sql.rows(c, QUARANTINED + " AND org=? ORDER BY id DESC", org)).stream().map(MessageLog::quarantined).toList();
    }

    public Optional<Quarantined> quarantinedById(long id) {
        return db.transaction(c -> Sql.rows(c, QUARANTINED + " AND id=?", id)).stream().map(MessageLog::quarantined).findFirst();
    }

    /**
     * Marks a quarantined message released (it may come round again under its key) or discarded,
     * as {@code by}, with an audit line. False when somebody else dealt with it first.
     */
    public boolean settle(long id, String how, String by, String detail) {
        return db.transaction(c -> {
            String now = clock.instant().toString();
            int n = Sql.update(c, "UPDATE messages SET settled=?, settled_by=?, settled_at=? WHERE id=? AND status='quarantined' AND settled IS NULL",
                    how, by, now, id);
            if (n > 0) {
                Sql.update(c, "INSERT INTO audit(at, org, message_key, event, detail, actor) SELECT ?, org, message_key, ?, ?, ? FROM messages WHERE id=?",
                        now, "quarantine-" + how, detail, by, id);
            }
            return n > 0;
        });
    }

    /** Takes a release back when the message could not be put back in the inbox. */
    public void unsettle(long id, String why) {
        db.transaction(c -> {
            Sql.update(c, "UPDATE messages SET settled=NULL, settled_by=NULL, settled_at=NULL WHERE id=? AND settled='released'", id);
            Sql.update(c, "INSERT INTO audit(at, org, message_key, event, detail) SELECT ?, org, message_key, 'quarantine-release-failed', ? FROM messages"
                    + " WHERE id=?", clock.instant().toString(), why, id);
            return null;
        });
    }

    private static Quarantined quarantined(String[] r) {
        return new Quarantined(Long.parseLong(r[0]), r[1], java.time.Instant.parse(r[2]), r[3], r[4], r[5], r[6]);
    }

    /** When the newest message of an organisation's mailbox arrived, if any is on record. */
    public Optional<Instant> lastReceived(String org) {
        return db.transaction(c -> Sql.rows(c, "SELECT max(received_at) FROM messages WHERE org=?", org)).stream().findFirst()
                .flatMap(r -> Sql.instant(r[0]));
    }
}
