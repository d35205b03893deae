package no.meldingsvakt.store;

import java.util.List;

/** Raw reads for tests, which check the store's tables as they are; the service itself asks each part by name. */
public final class Rows {
    private Rows() {}

    public static List<String[]> query(Store store, String sql, Object... args) {
        return store.database().transaction(c -> Sql.rows(c, sql, args));
    }
}
