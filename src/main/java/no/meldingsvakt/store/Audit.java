package no.meldingsvakt.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The audit trail: every write to it goes through here, inside the transaction of what it records. */
final class Audit {
    private Audit() {}

    static void write(Connection c, String at, String org, String caseRef, String messageKey, String event, String detail) throws SQLException {
        Sql.update(c, "INSERT INTO audit(at, org, case_ref, message_key, event, detail) VALUES (?,?,?,?,?,?)", at, org, caseRef, messageKey,
                event, detail);
    }
}
