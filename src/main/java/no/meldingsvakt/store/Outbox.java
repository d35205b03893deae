package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The transactional outbox: every mail Meldingsvakt sends is queued here in the transaction that
 * decided it, then claimed by one instance, handed to SMTP and marked. A claim that runs out (its
 * instance died or froze) lets another instance take the row; that send is audited as a possible
 * duplicate, like a send interrupted by a crash.
 */
public final class Outbox {
    private final Database db;
    private final Clock clock;

    public Outbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    static void insert(Connection c, String org, OutgoingMail m, String now, long nowMillis) throws SQLException {
        int added = Sql.update(c, "INSERT INTO outbox(org, kind, dedupe_key, case_ref, message_id, envelope_from, recipients, raw, status,"
                        + " next_attempt_at, created_at, via, body_key) VALUES (?,?,?,?,?,?,?,?,'pending',?,?,?,?) ON CONFLICT DO NOTHING",
                org, m.kind(), m.dedupeKey(), m.caseRef().orElse(null), m.messageId(), m.envelopeFrom(),
                String.join(",", m.recipients()), m.sharedBody().isPresent() ? Sql.NO_BYTES : m.raw(), nowMillis, now, m.via(),
                m.sharedBody().orElse(null));
        if (added > 0 && m.sharedBody().isPresent()) {
            // Only with a row that needs it: a body stored for rows that already existed would never be dropped.
            Sql.update(c, "INSERT INTO outbox_bodies(body_key, raw) VALUES (?,?) ON CONFLICT DO NOTHING", m.sharedBody().get(), m.raw());
        }
        if (m.caseRef().isPresent()) {
            Sql.update(c, "INSERT INTO case_threads(org, message_id, case_ref) VALUES (?,?,?) ON CONFLICT DO NOTHING", org, m.messageId(),
                    m.caseRef().get());
        }
    }

    /**
     * The case of a copy, reminder or escalation that Meldingsvakt sent, by its Message-ID: only a
     * reply to one of these can be a staff member's answer. The ids are keyed with the store's
     * secret, so nobody who did not receive the copy can name one.
     */
    public Optional<String> staffMailCase(String org, List<String> messageIds) {
        return db.read(c -> {
            for (String id : messageIds) {
                Optional<String> ref = Sql.rows(c, "SELECT case_ref FROM outbox WHERE org=? AND message_id=? AND case_ref IS NOT NULL"
                        + " AND kind IN (?,?,?)", org, id, OutgoingMail.COPY, OutgoingMail.REMINDER, OutgoingMail.ESCALATION)
                        .stream().findFirst().map(r -> r[0]);
                if (ref.isPresent()) {
                    return ref;
                }
            }
            return Optional.empty();
        });
    }

    /** Whether a receipt was already queued for the case: the routine allows one per case. */
    public boolean receiptQueued(String ref) {
        return db.read(c -> Sql.exists(c, "SELECT 1 FROM outbox WHERE dedupe_key=?", "receipt:" + ref));
    }

    public int receiptsTo(String org, String address, Instant since) {
        return db.read(c -> (int) Sql.count(c, "SELECT count(*) FROM outbox WHERE org=? AND kind='receipt' AND recipients=? AND created_at>=?",
                org, address, since.toString()));
    }

    /** One of our own mails, as a bounce names it. */
    public record Sent(String kind, String recipients, String caseRef, String messageId) {}

    /** Our own outgoing mails with these Message-IDs (to match a bounce to what was sent). */
    public List<Sent> byMessageIds(List<String> ids) {
        return db.transaction(c -> {
            List<Sent> out = new ArrayList<>();
            for (String id : ids) {
                Sql.rows(c, "SELECT kind, recipients, coalesce(case_ref, ''), message_id FROM outbox WHERE message_id=?", id)
                        .forEach(r -> out.add(new Sent(r[0], r[1], r[2], r[3])));
            }
            return out;
        });
    }

    /**
     * Claims up to {@code limit} due mails for {@code instance} until {@code claimFor} from now and
     * returns them. Rows another instance claimed and still holds are skipped; rows whose claim ran
     * out are taken over and audited as possible duplicates.
     */
    public List<OutboxItem> claimDue(String instance, int limit, Duration claimFor) {
        // Alone (SQLite) a claim need not reach the disk: the next start releases every claim anyway. Shared, it must.
        Database.SqlWork<List<OutboxItem>> claim = c -> {
            long now = clock.millis();
            List<OutboxItem> out = new ArrayList<>();
            // Claims are timed by the database's clock, like leases: instances whose clocks disagree still agree on them.
            String dbNow = db.dialect().nowMillis();
            List<String[]> rows = Sql.rows(c, "SELECT id, org, kind, message_id, envelope_from, recipients, attempts, via,"
                    + " CASE WHEN claimed_until IS NULL THEN '' ELSE claimed_by END, coalesce(body_key, '') FROM outbox WHERE status='pending' AND next_attempt_at<=?"
                    + " AND (claimed_until IS NULL OR claimed_until < " + dbNow + ") ORDER BY id LIMIT ?" + db.dialect().skipLocked(), now, limit);
            for (String[] r : rows) {
                long id = Long.parseLong(r[0]);
                if (!r[8].isEmpty()) {
                    // Still claimed but run out: whoever held it died, froze or failed mid-send, and may have sent it.
                    takenOver(c, id, r[8]);
                }
                Sql.update(c, "UPDATE outbox SET claimed_by=?, claimed_until=" + dbNow + " + ? WHERE id=?", instance, claimFor.toMillis(), id);
                out.add(new OutboxItem(id, r[1], r[2], r[3], r[4], Arrays.asList(r[5].split(",")), raw(c, id), Integer.parseInt(r[6]), r[7],
                        r[9]));
            }
            return out;
        };
        return db.dialect().singleInstance() ? db.relaxedTransaction(claim) : db.transaction(claim);
    }

    /** Gives up this instance's claim on mails it did not get to (their route is paused): any instance may take them when due. */
    public void release(String instance, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.relaxedTransaction(c -> {
            for (long id : ids) {
                Sql.update(c, "UPDATE outbox SET claimed_until=NULL WHERE id=? AND claimed_by=?", id, instance);
            }
            return null;
        });
    }

    /**
     * At the start of the only instance a store has (SQLite): the previous run's claims are its
     * own, and its sent journal already says which of those mails may have left.
     */
    public void releaseAllClaims() {
        db.transaction(c -> Sql.update(c, "UPDATE outbox SET claimed_until=NULL WHERE claimed_until IS NOT NULL"));
    }

    private void takenOver(Connection c, long id, String from) throws SQLException {
        Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'possible-duplicate', dedupe_key || ' (claim of '"
                + " || ? || ' ran out)' FROM outbox WHERE id=?", clock.instant().toString(), from, id);
    }

    private static byte[] raw(Connection c, long id) throws SQLException {
        try (var s = c.prepareStatement("SELECT coalesce(o.raw, b.raw) FROM outbox o LEFT JOIN outbox_bodies b ON b.body_key=o.body_key"
                + " WHERE o.id=?")) {
            s.setLong(1, id);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    /** Marks a mail delivered and drops its content: the store keeps no more patient data than it must. */
    public void markSent(long id) {
        markSent(List.of(id));
    }

    /** Marks mails delivered together (one SMTP transaction) in one store transaction. */
    public void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.relaxedTransaction(c -> {
            String now = clock.instant().toString();
            for (long id : ids) {
                int changed = Sql.update(c, "UPDATE outbox SET status='sent', raw=NULL, sent_at=?, attempts=attempts+1, last_error=NULL,"
                        + " claimed_until=NULL WHERE id=? AND status='pending'", now, id);
                if (changed == 0) {
                    continue; // another instance took the row over and marked it first
                }
                Sql.update(c, "UPDATE cases SET status='receipt-sent', updated_at=? WHERE status='open'"
                        + " AND ref=(SELECT case_ref FROM outbox WHERE id=? AND kind='receipt')", now, id);
                Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'delivered', kind || ' to ' || recipients"
                        + " FROM outbox WHERE id=?", now, id);
                dropBodyIfDone(c, id);
            }
            return null;
        });
    }

    /** A shared body goes with the last of its rows to be settled (sent or failed for good). */
    private static void dropBodyIfDone(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM outbox_bodies WHERE body_key=(SELECT body_key FROM outbox WHERE id=?)"
                + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.body_key=outbox_bodies.body_key AND o.status='pending')", id);
    }

    public void markRetry(long id, Instant next, String error) {
        db.relaxedTransaction(c -> Sql.update(c, "UPDATE outbox SET attempts=attempts+1, next_attempt_at=?, last_error=?, claimed_until=NULL"
                + " WHERE id=? AND status='pending'", next.toEpochMilli(), error, id));
    }

    /** The previous run was stopped while handing this mail to SMTP; it is sent again and the audit says so. */
    public void markPossibleDuplicate(long id) {
        db.transaction(c -> Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'possible-duplicate', dedupe_key"
                + " FROM outbox WHERE id=? AND status='pending'", clock.instant().toString(), id));
    }

    public void markFailed(long id, String error) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            // Finally failed: the content goes, like a delivered mail's; the audit keeps what it was and why.
            Sql.update(c, "UPDATE outbox SET status='failed', raw=NULL, attempts=attempts+1, last_error=?, claimed_until=NULL WHERE id=?", error, id);
            dropBodyIfDone(c, id);
            Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail) SELECT ?, org, case_ref, 'delivery-failed', kind || ' to ' || recipients"
                    + " || ': ' || ? FROM outbox WHERE id=?", now, error, id);
            return null;
        });
    }

    public int pending() {
        return db.transaction(c -> (int) Sql.count(c, "SELECT count(*) FROM outbox WHERE status='pending'"));
    }

    public record Pending(int count, Optional<Instant> oldest) {}

    /**
     * Mail waiting to leave through the organisation's own SMTP: how many, and since when. Alerts
     * do not count: an alert waiting behind a broken server is the problem, not a new one.
     */
    public Pending pendingVia(String org) {
        return db.transaction(c -> {
            String[] r = Sql.rows(c, "SELECT count(*), min(created_at) FROM outbox WHERE org=? AND status='pending' AND via='org' AND kind<>'alert'",
                    org).get(0);
            return new Pending(Integer.parseInt(r[0]), Sql.instant(r[1]));
        });
    }

    /** Pending and finally failed mails of one organisation, for {@code status}. */
    public record Counts(int pending, int failed) {}

    public Counts counts(String org) {
        return db.transaction(c -> {
            String[] r = Sql.rows(c, "SELECT count(*) FILTER (WHERE status='pending'), count(*) FILTER (WHERE status='failed') FROM outbox WHERE org=?",
                    org).get(0);
            return new Counts(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
        });
    }

    /** A mail still waiting, as the demo shows it. */
    /** Whether a mail with this key was ever queued (sent or not). */
    public boolean hasKey(String dedupeKey) {
        return db.transaction(c -> Sql.exists(c, "SELECT 1 FROM outbox WHERE dedupe_key=?", dedupeKey));
    }

    /** A mail about a case, as the case page lists it. */
    public record CaseMail(String kind, String recipients, String status, Instant createdAt, Optional<Instant> sentAt, String lastError) {}

    /** Every mail queued for a case, oldest first. */
    public List<CaseMail> forCase(String ref) {
        return db.transaction(c -> Sql.rows(c, "SELECT kind, recipients, status, created_at, sent_at, coalesce(last_error,'') FROM outbox"
                + " WHERE case_ref=? ORDER BY id", ref)).stream()
                .map(r -> new CaseMail(r[0], r[1], r[2], Instant.parse(r[3]), Sql.instant(r[4]), r[5])).toList();
    }

    public record Waiting(String kind, String recipients, int attempts, String lastError) {}

    public List<Waiting> waiting() {
        return db.transaction(c -> Sql.rows(c, "SELECT kind, recipients, attempts, coalesce(last_error, '') FROM outbox WHERE status='pending' ORDER BY id")
                .stream().map(r -> new Waiting(r[0], r[1], Integer.parseInt(r[2]), r[3])).toList());
    }

    /** Everyone a receipt was queued for. */
    public List<String> receiptRecipients() {
        return db.transaction(c -> Sql.rows(c, "SELECT DISTINCT recipients FROM outbox WHERE kind='receipt' ORDER BY 1").stream().map(r -> r[0])
                .toList());
    }
}
