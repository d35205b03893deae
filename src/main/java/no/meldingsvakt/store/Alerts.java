package no.meldingsvakt.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Health as the service last saw it, and the alerts that are open: shared by every instance on the store. */
public final class Alerts {
    private final Database db;
    private final Clock clock;

    public Alerts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An open alert: a problem that has been reported and not yet cleared. */
    public record Alert(String problem, Instant since, String detail, Instant lastSent, int sentCount) {}

    public List<Alert> open(String org) {
        return db.read(c -> Sql.rows(c, "SELECT problem, since, detail, last_sent, sent_count FROM alerts WHERE org=? ORDER BY since, problem", org)
                .stream().map(r -> new Alert(r[0], Instant.parse(r[1]), r[2], Instant.parse(r[3]), Integer.parseInt(r[4]))).toList());
    }

    /** Records that an alert was (re)sent and queues its mails, in one transaction. */
    public void sent(String org, String problem, Instant since, String detail, List<OutgoingMail> mails) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            int changed = Sql.update(c, "UPDATE alerts SET last_sent=?, sent_count=sent_count+1, detail=? WHERE org=? AND problem=?",
                    now, detail, org, problem);
            if (changed == 0) {
                Sql.update(c, "INSERT INTO alerts(org, problem, since, detail, last_sent, sent_count) VALUES (?,?,?,?,?,1)",
                        org, problem, since.toString(), detail, now);
            }
            for (OutgoingMail m : mails) {
                Outbox.insert(c, org, m, now, clock.millis());
            }
            Audit.write(c, now, org, null, null, "alert", problem + ": " + detail);
            return null;
        });
    }

    /** Closes an alert and queues the all-clear, in one transaction. */
    public void cleared(String org, String problem, List<OutgoingMail> mails) {
        db.transaction(c -> {
            String now = clock.instant().toString();
            Sql.update(c, "DELETE FROM alerts WHERE org=? AND problem=?", org, problem);
            for (OutgoingMail m : mails) {
                Outbox.insert(c, org, m, now, clock.millis());
            }
            Audit.write(c, now, org, null, null, "all-clear", problem);
            return null;
        });
    }

    /** One organisation's health as last saved: by which instance, and when. */
    public record Saved(Optional<Instant> lastWatched, Optional<Instant> lastSmtpOk, Optional<String> mailboxError,
            Optional<String> smtpError, Instant updatedAt, Optional<String> instance) {}

    public void saveHealth(String org, String instance, Optional<Instant> lastWatched, Optional<Instant> lastSmtpOk, Optional<String> mailboxError,
            Optional<String> smtpError) {
        saveHealth(List.of(new HealthRecord(org, instance, lastWatched, lastSmtpOk, mailboxError, smtpError)));
    }

    /** What a mailbox's connections last did, as {@code status} and other instances read it. */
    public record HealthRecord(String org, String instance, Optional<Instant> lastWatched, Optional<Instant> lastSmtpOk,
            Optional<String> mailboxError, Optional<String> smtpError) {}

    /**
     * Saves many health records in one transaction that waits for the WAL, not the disk: they are
     * rewritten every check, and with thousands of mailboxes a commit and fsync each was the
     * service's largest cost at rest.
     */
    public void saveHealth(List<HealthRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        String now = clock.instant().toString();
        db.relaxedTransaction(c -> {
            for (HealthRecord h : records) {
                Sql.update(c, "INSERT INTO health(org, last_watched, last_smtp_ok, mailbox_error, smtp_error, updated_at, instance)"
                                + " VALUES (?,?,?,?,?,?,?) ON CONFLICT(org) DO UPDATE SET last_watched=excluded.last_watched,"
                                + " last_smtp_ok=excluded.last_smtp_ok, mailbox_error=excluded.mailbox_error, smtp_error=excluded.smtp_error,"
                                + " updated_at=excluded.updated_at, instance=excluded.instance",
                        h.org(), Sql.iso(h.lastWatched()), Sql.iso(h.lastSmtpOk()), h.mailboxError().orElse(null), h.smtpError().orElse(null), now,
                        h.instance());
            }
            return null;
        });
    }

    public Optional<Saved> health(String org) {
        return db.transaction(c -> Sql.rows(c, "SELECT last_watched, last_smtp_ok, mailbox_error, smtp_error, updated_at, instance FROM health WHERE org=?",
                org).stream().findFirst().map(r -> new Saved(Sql.instant(r[0]), Sql.instant(r[1]), Optional.ofNullable(r[2]),
                        Optional.ofNullable(r[3]), Instant.parse(r[4]), Optional.ofNullable(r[5]))));
    }
}
