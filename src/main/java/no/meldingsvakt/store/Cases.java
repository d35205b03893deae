package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cases and their follow-up: reading them, the reminders queued for them (unique outbox keys make
 * each reminder happen once, however often it is queued), answers and closing.
 */
public final class Cases {
    private static final String COLUMNS = "ref, org, category, coalesce(subject,''), coalesce(sender,''), status, opened_at, due_at, answered_at,"
            + " coalesce(lists,''), window_start, window_end, reply_to, original_message_id, notice_org, note, answered_by, round,"
            + " coalesce(partner,''), organisation, phone, coalesce(services,''), coalesce(notice_text,''), window_seq, cancelled, closed_at, closed_by, coalesce(problems,'')";
    private final Database db;
    private final Clock clock;

    public Cases(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }


    public Optional<CaseRecord> get(String ref) {
        return rows("SELECT " + COLUMNS + " FROM cases WHERE ref=?", ref).stream().map(Cases::record).findFirst();
    }

    /** Cases of one organisation (all when {@code org} is null) that are not closed, oldest first; or all cases. */
    public List<CaseRecord> list(String org, boolean notClosed) {
        return rows("SELECT " + COLUMNS + " FROM cases WHERE (CAST(? AS TEXT) IS NULL OR org=?)" + (notClosed ? " AND status<>'closed'" : "")
                + " ORDER BY opened_at, ref", org, org).stream().map(Cases::record).toList();
    }

    /** An open case of the same category about the same organisation, opened since {@code since}: a later notice joins it. */
    public Optional<String> similarOpen(String org, String category, String noticeOrg, Instant since) {
        return rows("SELECT ref FROM cases WHERE org=? AND category=? AND notice_org=? AND status<>'closed' AND opened_at>=?"
                + " ORDER BY opened_at DESC LIMIT 1", org, category, noticeOrg, since.toString()).stream().map(r -> r[0]).findFirst();
    }

    /**
     * Queues follow-up mails for a case. Mails whose key was queued before are ignored; the audit
     * entry is written only when something new was queued. Returns how many mails are new.
     */
    public int enqueue(String org, String caseRef, List<OutgoingMail> mails, String event, String detail) {
        return db.transaction(c -> {
            String now = clock.instant().toString();
            long millis = clock.millis();
            int added = 0;
            for (OutgoingMail m : mails) {
                if (!Sql.exists(c, "SELECT 1 FROM outbox WHERE dedupe_key=?", m.dedupeKey())) {
                    Outbox.insert(c, org, m, now, millis);
                    added++;
                }
            }
            if (added > 0) {
                Audit.write(c, now, org, caseRef, null, event, detail);
            }
            return added;
        });
    }

    /** Marks a case answered (once); returns false when it was already answered or closed. */
    public boolean markAnswered(String org, String ref, String by, String how) {
        return db.transaction(c -> {
            String now = clock.instant().toString();
            int n = Sql.update(c, "UPDATE cases SET status='answered', answered_at=?, answered_by=?, updated_at=? WHERE ref=? AND org=?"
                    + " AND status IN ('open','receipt-sent')", now, by, now, ref, org);
            if (n > 0) {
                Audit.write(c, now, org, ref, null, "answered", how + " by " + by);
            }
            return n > 0;
        });
    }

    /** Closes a case by hand; returns false when no such open case exists. */
    public boolean close(String ref, String note) {
        return close(ref, note, null);
    }

    /** Closes a case by hand, as {@code by} (a console user; null for the command line). */
    public boolean close(String ref, String note, String by) {
        return db.transaction(c -> {
            String now = clock.instant().toString();
            int n = Sql.update(c, "UPDATE cases SET status='closed', closed_at=?, closed_by=?, note=?, updated_at=? WHERE ref=? AND status<>'closed'",
                    now, by, note, now, ref);
            if (n > 0) {
                Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail, actor) SELECT ?, org, ref, 'closed', ?, ? FROM cases WHERE ref=?",
                        now, note, by, ref);
            }
            return n > 0;
        });
    }

    /**
     * Opens a closed case again (answered stays answered); its reminders keep their keys, so none is
     * sent twice. Returns false when the case is not closed.
     */
    public boolean reopen(String ref, String note, String by) {
        return db.transaction(c -> {
            String now = clock.instant().toString();
            int n = Sql.update(c, "UPDATE cases SET status=CASE WHEN answered_at IS NULL THEN 'open' ELSE 'answered' END, closed_at=NULL,"
                    + " closed_by=NULL, note=?, updated_at=? WHERE ref=? AND status='closed'", note, now, ref);
            if (n > 0) {
                Sql.update(c, "INSERT INTO audit(at, org, case_ref, event, detail, actor) SELECT ?, org, ref, 'reopened', ?, ? FROM cases WHERE ref=?",
                        now, note, by, ref);
            }
            return n > 0;
        });
    }

    /** Cases of an organisation opened in [from, to), oldest first. */
    public List<CaseRecord> openedBetween(String org, Instant from, Instant to) {
        return rows("SELECT " + COLUMNS + " FROM cases WHERE org=? AND opened_at>=? AND opened_at<? ORDER BY opened_at, ref", org, from.toString(),
                to.toString()).stream().map(Cases::record).toList();
    }

    /** Cases of an organisation that were opened before {@code at} and not closed by then (closing times are kept; answers too). */
    public List<CaseRecord> notClosedAt(String org, Instant at) {
        return rows("SELECT " + COLUMNS + " FROM cases WHERE org=? AND opened_at<? AND (closed_at IS NULL OR closed_at>=?) ORDER BY opened_at, ref",
                org, at.toString(), at.toString()).stream().map(Cases::record).toList();
    }

    /** One line of a case's trail: what happened, when, and who did it (empty: the service itself). */
    public record TrailEntry(Instant at, String event, String detail, Optional<String> actor) {}

    /** Everything the audit holds about a case, oldest first. */
    public List<TrailEntry> trail(String ref) {
        return rows("SELECT at, event, coalesce(detail,''), actor FROM audit WHERE case_ref=? ORDER BY id", ref).stream()
                .map(r -> new TrailEntry(Instant.parse(r[0]), r[1], r[2], Optional.ofNullable(r[3]))).toList();
    }

    /**
     * The cases a downtime calendar shows: every case not closed, and every case whose window (or,
     * without one, opening) is after {@code since}, closed or not, so a cancelled stop is seen to go.
     */
    public List<CaseRecord> since(String org, Instant since) {
        return rows("SELECT " + COLUMNS + " FROM cases WHERE org=? AND (status<>'closed' OR coalesce(window_end, window_start, opened_at) >= ?)"
                + " ORDER BY coalesce(window_start, opened_at), ref", org, since.toString()).stream().map(Cases::record).toList();
    }

    /** The last UID of the Sent folder already looked at, per organisation and UIDVALIDITY. */
    public long sentFolderPosition(String org, long uidValidity) {
        return rows("SELECT last_uid FROM mailbox_state WHERE org=? AND uidvalidity=?", org + "#sent", uidValidity).stream()
                .mapToLong(r -> Long.parseLong(r[0])).findFirst().orElse(-1);
    }

    public void saveSentFolderPosition(String org, long uidValidity, long uid) {
        db.relaxedTransaction(c -> Sql.update(c, "INSERT INTO mailbox_state(org, uidvalidity, last_uid, updated_at) VALUES (?,?,?,?)"
                + " ON CONFLICT(org) DO UPDATE SET uidvalidity=excluded.uidvalidity, last_uid=excluded.last_uid, updated_at=excluded.updated_at",
                org + "#sent", uidValidity, uid, clock.instant().toString()));
    }

    /** Applies a joined message's change inside the intake's transaction. */
    static void apply(Connection c, String ref, Intake.CaseChange ch, String now) throws SQLException {
        if (ch.windowStart().isPresent() || ch.windowEnd().isPresent()) {
            // A calendar that subscribed to the window sees it move only when SEQUENCE rises.
            Sql.update(c, "UPDATE cases SET window_seq=window_seq+1 WHERE ref=? AND (coalesce(?, window_start) IS DISTINCT FROM window_start"
                    + " OR coalesce(?, window_end) IS DISTINCT FROM window_end)", ref, Sql.iso(ch.windowStart()), Sql.iso(ch.windowEnd()));
            Sql.update(c, "UPDATE cases SET window_start=coalesce(?, window_start), window_end=coalesce(?, window_end) WHERE ref=?",
                    Sql.iso(ch.windowStart()), Sql.iso(ch.windowEnd()), ref);
        }
        if (ch.cancelled()) {
            Sql.update(c, "UPDATE cases SET cancelled=1, window_seq=window_seq+1 WHERE ref=? AND cancelled=0", ref);
        }
        if (ch.answeredBy().isPresent()) {
            Sql.update(c, "UPDATE cases SET status='answered', answered_at=?, answered_by=? WHERE ref=? AND status IN ('open','receipt-sent')",
                    now, ch.answeredBy().get(), ref);
        }
        if (ch.reopenDue().isPresent()) {
            Sql.update(c, "UPDATE cases SET status='open', due_at=?, answered_at=NULL, answered_by=NULL, round=round+1 WHERE ref=? AND status='answered'",
                    ch.reopenDue().get().toString(), ref);
        }
        if (ch.closeNote().isPresent()) {
            Sql.update(c, "UPDATE cases SET status='closed', closed_at=?, note=? WHERE ref=? AND status<>'closed'", now, ch.closeNote().get(), ref);
        }
    }

    private static CaseRecord record(String[] r) {
        return CaseRecord.builder().ref(r[0]).org(r[1]).category(r[2]).subject(r[3]).sender(r[4]).status(r[5]).openedAt(Instant.parse(r[6]))
                .dueAt(instant(r[7])).answeredAt(instant(r[8])).lists(split(r[9]))
                .windowStart(instant(r[10])).windowEnd(instant(r[11])).replyTo(Optional.ofNullable(r[12])).originalMessageId(Optional.ofNullable(r[13]))
                .noticeOrg(Optional.ofNullable(r[14])).note(Optional.ofNullable(r[15])).answeredBy(Optional.ofNullable(r[16]))
                .round(Integer.parseInt(r[17]))
                .facts(new NoticeFacts(r[18], Optional.ofNullable(r[19]), Optional.ofNullable(r[20]), split(r[21]), r[22], split(r[27])))
                .window(Integer.parseInt(r[23]), !"0".equals(r[24])).closed(instant(r[25]), Optional.ofNullable(r[26])).build();
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    private static Optional<Instant> instant(String s) {
        return Sql.instant(s);
    }

    private List<String[]> rows(String sql, Object... args) {
        return db.read(c -> Sql.rows(c, sql, args));
    }

    public boolean exists(String org, String ref) {
        return db.read(c -> Sql.exists(c, "SELECT 1 FROM cases WHERE org=? AND ref=?", org, ref));
    }

    /** The case that one of these Message-IDs (incoming or our own) belongs to. */
    public Optional<String> forThread(String org, List<String> messageIds) {
        return db.read(c -> {
            for (String id : messageIds) {
                Optional<String> ref = Sql.rows(c, "SELECT case_ref FROM case_threads WHERE org=? AND message_id=?", org, id).stream()
                        .findFirst().map(r -> r[0]);
                if (ref.isPresent()) {
                    return ref;
                }
            }
            return Optional.empty();
        });
    }
}
