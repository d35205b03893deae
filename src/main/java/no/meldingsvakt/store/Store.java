package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The queries and the one transaction the pipeline needs. Thread-safe through {@link Database}. */
public final class Store {
    private final Database db;
    private final Clock clock;

    public Store(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The status a message was recorded with, if it was. */
    public Optional<Intake.MessageStatus> recorded(String org, long uidValidity, long uid) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT status FROM messages WHERE org=? AND uidvalidity=? AND uid=?")) {
                s.setString(1, org);
                s.setLong(2, uidValidity);
                s.setLong(3, uid);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(Intake.MessageStatus.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT))) : Optional.empty();
                }
            }
        });
    }

    /** An earlier message with the same key: its case (empty string for none) and its fingerprint (null for rows from before V5). */
    public record Seen(String caseRef, String fingerprint) {}

    /** The earlier processed message with this key, if there was one (Message-ID de-duplication). */
    public Optional<Seen> seenMessageKey(String org, String messageKey) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT coalesce(case_ref, ''), fingerprint FROM messages WHERE org=? AND message_key=? AND status<>'duplicate'")) {
                s.setString(1, org);
                s.setString(2, messageKey);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Seen(r.getString(1), r.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The case of a copy, reminder or escalation that Meldingsvakt sent, by its Message-ID: only a
     * reply to one of these can be a staff member's answer. The ids are keyed with the store's
     * secret, so nobody who did not receive the copy can name one.
     */
    public Optional<String> staffMailCase(String org, List<String> messageIds) {
        return firstCase("SELECT case_ref FROM outbox WHERE org=? AND message_id=? AND case_ref IS NOT NULL AND kind IN ('"
                + OutgoingMail.COPY + "','" + OutgoingMail.REMINDER + "','" + OutgoingMail.ESCALATION + "')", org, messageIds);
    }

    /** A secret the store keeps for itself, made (32 random bytes) the first time it is asked for. */
    public byte[] secret(String name) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM secrets WHERE name=?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return r.getBytes(1);
                    }
                }
            }
            byte[] v = new byte[32];
            new java.security.SecureRandom().nextBytes(v);
            update(c, "INSERT INTO secrets(name, value) VALUES (?,?)", name, v);
            return v;
        });
    }

    public Optional<String> caseForThread(String org, List<String> messageIds) {
        return firstCase("SELECT case_ref FROM case_threads WHERE org=? AND message_id=?", org, messageIds);
    }

    /** The case of the first of {@code messageIds} that {@code sql} (binding org and one id) finds. */
    private Optional<String> firstCase(String sql, String org, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (String id : messageIds) {
                    s.setString(1, org);
                    s.setString(2, id);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return Optional.of(r.getString(1));
                        }
                    }
                }
                return Optional.empty();
            }
        });
    }

    public boolean caseExists(String org, String ref) {
        return db.transaction(c -> exists(c, "SELECT 1 FROM cases WHERE org=? AND ref=?", org, ref));
    }

    /** Whether a receipt was already queued for the case: the routine allows one per case. */
    public boolean receiptQueued(String ref) {
        return db.transaction(c -> exists(c, "SELECT 1 FROM outbox WHERE dedupe_key=?", "receipt:" + ref));
    }

    public int receiptsTo(String org, String address, Instant since) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM outbox WHERE org=? AND kind='receipt' AND recipients=? AND created_at>=?")) {
                s.setString(1, org);
                s.setString(2, address);
                s.setString(3, since.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Commits an intake in one transaction. Returns false, changing nothing, when this UID was
     * already recorded (a replay after a crash between commit and IMAP move).
     */
    public boolean record(Intake in) {
        return db.transaction(c -> {
            if (exists(c, "SELECT 1 FROM messages WHERE org=? AND uidvalidity=? AND uid=?", in.org(), in.uidValidity(), in.uid())) {
                return false;
            }
            String now = clock.instant().toString();
            if (in.newCase().isPresent()) {
                Intake.NewCase nc = in.newCase().get();
                update(c, "INSERT INTO cases(ref, org, category, subject, sender, status, opened_at, updated_at, reply_to, original_message_id,"
                                + " lists, due_at, window_start, window_end, notice_org) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        nc.ref(), in.org(), nc.category(), nc.subject(), nc.sender(), "open", now, now, nc.replyTo().orElse(null),
                        nc.originalMessageId().orElse(null), String.join(",", nc.lists()), iso(nc.dueAt()), iso(nc.windowStart()),
                        iso(nc.windowEnd()), nc.noticeOrg().orElse(null));
            } else if (in.caseRef().isPresent()) {
                update(c, "UPDATE cases SET updated_at=? WHERE ref=?", now, in.caseRef().get());
                if (in.caseChange().isPresent()) {
                    Cases.apply(c, in.caseRef().get(), in.caseChange().get(), now);
                }
            }
            update(c, "INSERT INTO messages(org, uidvalidity, uid, message_key, fingerprint, sender, subject, category, automatic, status, reason,"
                            + " case_ref, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    in.org(), in.uidValidity(), in.uid(), in.messageKey(), in.fingerprint(), in.sender(), in.subject(), in.category(), in.automatic(),
                    in.status().db(), in.reason(), in.caseRef().orElse(null), in.receivedAt().toString());
            for (String id : in.threadIds()) {
                update(c, "INSERT OR IGNORE INTO case_threads(org, message_id, case_ref) VALUES (?,?,?)", in.org(), id, in.caseRef().orElseThrow());
            }
            long nowMillis = clock.millis();
            for (OutgoingMail m : in.mails()) {
                insertOutbox(c, in.org(), m, now, nowMillis);
            }
            for (Intake.AuditEntry a : in.audit()) {
                update(c, "INSERT INTO audit(at, org, case_ref, message_key, event, detail) VALUES (?,?,?,?,?,?)",
                        now, in.org(), in.caseRef().orElse(null), in.messageKey(), a.event(), a.detail());
            }
            update(c, "UPDATE mailbox_state SET last_uid=max(last_uid, ?), updated_at=? WHERE org=? AND uidvalidity=?",
                    in.uid(), now, in.org(), in.uidValidity());
            return true;
        });
    }

    static void insertOutbox(Connection c, String org, OutgoingMail m, String now, long nowMillis) throws SQLException {
        update(c, "INSERT OR IGNORE INTO outbox(org, kind, dedupe_key, case_ref, message_id, envelope_from, recipients, raw, status,"
                        + " next_attempt_at, created_at, via) VALUES (?,?,?,?,?,?,?,?,'pending',?,?,?)",
                org, m.kind(), m.dedupeKey(), m.caseRef().orElse(null), m.messageId(), m.envelopeFrom(),
                String.join(",", m.recipients()), m.raw(), nowMillis, now, m.via());
        if (m.caseRef().isPresent()) {
            update(c, "INSERT OR IGNORE INTO case_threads(org, message_id, case_ref) VALUES (?,?,?)", org, m.messageId(), m.caseRef().get());
        }
    }

    /** Records the server's UIDVALIDITY; a change restarts the UID count (Message-ID de-duplication covers the gap). */
    public void startMailbox(String org, long uidValidity) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            Optional<Long> old = Optional.empty();
            try (PreparedStatement s = c.prepareStatement("SELECT uidvalidity FROM mailbox_state WHERE org=?")) {
                s.setString(1, org);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        old = Optional.of(r.getLong(1));
                    }
                }
            }
            if (old.isEmpty()) {
                update(c, "INSERT INTO mailbox_state(org, uidvalidity, last_uid, updated_at) VALUES (?,?,0,?)", org, uidValidity, now);
            } else if (old.get() != uidValidity) {
                update(c, "UPDATE mailbox_state SET uidvalidity=?, last_uid=0, updated_at=? WHERE org=?", uidValidity, now, org);
                update(c, "INSERT INTO audit(at, org, event, detail) VALUES (?,?,?,?)", now, org, "uidvalidity-changed",
                        old.get() + " -> " + uidValidity + "; de-duplicating by Message-ID");
            }
            return null;
        });
    }

    public List<OutboxItem> dueOutbox(int limit) {
        return db.transaction(c -> {
            List<OutboxItem> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, org, kind, message_id, envelope_from, recipients, raw, attempts, via FROM outbox"
                            + " WHERE status='pending' AND next_attempt_at<=? ORDER BY id LIMIT ?")) {
                s.setLong(1, clock.millis());
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new OutboxItem(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                Arrays.asList(r.getString(6).split(",")), r.getBytes(7), r.getInt(8), r.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /** Marks a mail delivered and drops its content: the store keeps no more patient data than it must. */
    public void markSent(long id) {
        db.relaxedTransaction(c -> {
            String now = clock.instant().toString();
            update(c, "UPDATE outbox SET status='sent', raw=NULL, sent_at=?, attempts=attempts+1, last_error=NULL WHERE id=?", now, id);
            update(c, "UPDATE cases SET status='receipt-sent', updated_at=? WHERE status='open'"
                    + " AND ref=(SELECT case_ref FROM outbox WHERE id=? AND kind='receipt')", now, id);
            update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'delivered', kind || ' to ' || recipients FROM outbox WHERE id=?",
                    now, id);
            return null;
        });
    }

    public void markRetry(long id, Instant next, String error) {
        db.relaxedTransaction(c -> update(c, "UPDATE outbox SET attempts=attempts+1, next_attempt_at=?, last_error=? WHERE id=?",
                next.toEpochMilli(), error, id));
    }

    /** The previous run was stopped while handing this mail to SMTP; it is sent again and the audit says so. */
    public void markPossibleDuplicate(long id) {
        db.transaction(c -> update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'possible-duplicate', dedupe_key"
                + " FROM outbox WHERE id=? AND status='pending'", clock.instant().toString(), id));
    }

    public void markFailed(long id, String error) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            // Finally failed: the content goes, like a delivered mail's; the audit keeps what it was and why.
            update(c, "UPDATE outbox SET status='failed', raw=NULL, attempts=attempts+1, last_error=? WHERE id=?", error, id);
            update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'delivery-failed', kind || ' to ' || recipients || ': ' || ? FROM outbox WHERE id=?",
                    now, error, id);
            return null;
        });
    }

    public int pendingOutbox() {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE status='pending'");
                    ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    /**
     * Mail waiting to leave through the organisation's own SMTP: how many, and since when. Alerts
     * do not count: an alert waiting behind a broken server is the problem, not a new one.
     */
    public Pending pendingVia(String org) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*), min(created_at) FROM outbox WHERE org=? AND status='pending' AND via='org' AND kind<>'alert'")) {
                s.setString(1, org);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new Pending(r.getInt(1), Optional.ofNullable(r.getString(2)).map(Instant::parse));
                }
            }
        });
    }

    public record Pending(int count, Optional<Instant> oldest) {}

    /** An open alert: a problem that has been reported and not yet cleared. */
    public record Alert(String problem, Instant since, String detail, Instant lastSent, int sentCount) {}

    public List<Alert> alerts(String org) {
        return db.transaction(c -> {
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT problem, since, detail, last_sent, sent_count FROM alerts WHERE org=? ORDER BY since")) {
                s.setString(1, org);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Alert(r.getString(1), Instant.parse(r.getString(2)), r.getString(3), Instant.parse(r.getString(4)), r.getInt(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Records that an alert was (re)sent and queues its mails, in one transaction. */
    public void alertSent(String org, String problem, Instant since, String detail, List<OutgoingMail> mails) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            int changed = update(c, "UPDATE alerts SET last_sent=?, sent_count=sent_count+1, detail=? WHERE org=? AND problem=?",
                    now, detail, org, problem);
            if (changed == 0) {
                update(c, "INSERT INTO alerts(org, problem, since, detail, last_sent, sent_count) VALUES (?,?,?,?,?,1)",
                        org, problem, since.toString(), detail, now);
            }
            for (OutgoingMail m : mails) {
                insertOutbox(c, org, m, now, clock.millis());
            }
            update(c, "INSERT INTO audit(at, org, event, detail) VALUES (?,?,?,?)", now, org, "alert", problem + ": " + detail);
            return null;
        });
    }

    /** Closes an alert and queues the all-clear, in one transaction. */
    public void alertCleared(String org, String problem, List<OutgoingMail> mails) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            update(c, "DELETE FROM alerts WHERE org=? AND problem=?", org, problem);
            for (OutgoingMail m : mails) {
                insertOutbox(c, org, m, now, clock.millis());
            }
            update(c, "INSERT INTO audit(at, org, event, detail) VALUES (?,?,?,?)", now, org, "all-clear", problem);
            return null;
        });
    }

    public void saveHealth(String org, Optional<Instant> lastWatched, Optional<Instant> lastSmtpOk, Optional<String> mailboxError,
            Optional<String> smtpError) {
        db.transaction(c -> update(c, "INSERT INTO health(org, last_watched, last_smtp_ok, mailbox_error, smtp_error, updated_at)"
                        + " VALUES (?,?,?,?,?,?) ON CONFLICT(org) DO UPDATE SET last_watched=excluded.last_watched,"
                        + " last_smtp_ok=excluded.last_smtp_ok, mailbox_error=excluded.mailbox_error, smtp_error=excluded.smtp_error,"
                        + " updated_at=excluded.updated_at",
                org, lastWatched.map(Instant::toString).orElse(null), lastSmtpOk.map(Instant::toString).orElse(null),
                mailboxError.orElse(null), smtpError.orElse(null), clock.instant().toString()));
    }

    /** Our own outgoing mails with these Message-IDs (to match a bounce to what was sent). */
    public List<String[]> outboxByMessageIds(List<String> ids) {
        List<String[]> out = new ArrayList<>();
        for (String id : ids) {
            out.addAll(query("SELECT kind, recipients, coalesce(case_ref, ''), message_id FROM outbox WHERE message_id=?", id));
        }
        return out;
    }

    /** Read-only queries for the CLI, the demo and tests. */
    public List<String[]> query(String sql, Object... args) {
        return db.transaction(c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, args);
                try (ResultSet r = s.executeQuery()) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        String[] row = new String[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = r.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }

    static String iso(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    static boolean exists(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
