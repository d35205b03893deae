package no.meldingsvakt.cli;

import no.meldingsvakt.store.CaseRecord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cases list} and {@code cases close}: the cases in the store, for the administrator. Needs no secrets. */
@Command(name = "cases", mixinStandardHelpOptions = true, description = "List cases, or close one that was handled another way.",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Close.class})
final class CasesCommand {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessCalendar.OSLO);

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The YAML config file (default: $MELDINGSVAKT_CONFIG, ./meldingsvakt.yaml, /etc/meldingsvakt/meldingsvakt.yaml).")
    Path config;

    /** Runs {@code work} on the existing store: read-only for looking, never creating one. */
    <T> T withCases(boolean change, java.util.function.Function<Cases, T> work) throws ConfigException {
        config = ConfigFile.resolve(config);
        AppConfig c = ConfigLoader.withoutSecrets().load(config);
        try (Database db = change ? Database.forChanging(c.storePath(), c.postgres()) : Database.forReading(c.storePath(), c.postgres())) {
            return work.apply(Store.of(db, Clock.systemUTC()).cases());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per case: reference, status, category, opened, due, subject, sender.")
    static final class ListCases implements Callable<Integer> {
        @ParentCommand
        CasesCommand parent;

        @ArgGroup(exclusive = true)
        Filter filter = new Filter();

        @Option(names = "--json", description = "One JSON object per case instead of text.")
        boolean json;

        static final class Filter {
            @Option(names = "--open", description = "Only cases not closed.")
            boolean open;

            @Option(names = "--overdue", description = "Only cases waiting for an answer past their due time.")
            boolean overdue;
        }

        @Override
        public Integer call() {
            try {
                Instant now = Instant.now();
                List<CaseRecord> list = parent.withCases(false, c -> c.list(null, filter.open || filter.overdue));
                int shown = 0;
                for (CaseRecord r : list) {
                    if (filter.overdue && !r.overdue(now)) {
                        continue;
                    }
                    shown++;
                    if (json) {
                        System.out.println(JSON.writeValueAsString(json(r, now)));
                        continue;
                    }
                    System.out.println(String.join("  ", r.ref(), pad(r.status(), 12), pad(r.category(), 15), SHOWN.format(r.openedAt()),
                            "due " + r.dueAt().map(SHOWN::format).orElse("-               ") + (r.overdue(now) ? " OVERDUE" : ""),
                            r.subject(), "<" + r.sender() + ">", r.answeredBy().map(a -> "answered by " + a).orElse(""),
                            r.note().map(n -> "note: " + n).orElse("")).strip());
                }
                System.err.println(shown + " case(s)");
                return 0;
            } catch (ConfigException e) {
                return CalendarCommand.configError(parent.config, e);
            } catch (no.meldingsvakt.store.StoreException e) {
                System.err.println(e.getMessage());
                return Main.CONFIG_ERROR;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static java.util.Map<String, Object> json(CaseRecord r, Instant now) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("ref", r.ref());
            m.put("org", r.org());
            m.put("status", r.status());
            m.put("category", r.category());
            m.put("openedAt", r.openedAt().toString());
            m.put("dueAt", r.dueAt().map(Instant::toString).orElse(null));
            m.put("overdue", r.overdue(now));
            m.put("subject", r.subject());
            m.put("sender", r.sender());
            m.put("answeredBy", r.answeredBy().orElse(null));
            m.put("note", r.note().orElse(null));
            m.put("round", r.round());
            return m;
        }

        private static String pad(String s, int n) {
            return s.length() >= n ? s : s + " ".repeat(n - s.length());
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close a case (reminders stop), with a note for the audit trail.")
    static final class Close implements Callable<Integer> {
        @ParentCommand
        CasesCommand parent;

        @Parameters(paramLabel = "ID", description = "The case reference, e.g. MV-260312-K7Q2XA.")
        String ref;

        @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Why or how it was handled.")
        String note;

        @Override
        public Integer call() {
            try {
                boolean closed = parent.withCases(true, c -> c.close(ref.strip().toUpperCase(java.util.Locale.ROOT), note));
                System.out.println(closed ? "closed " + ref : "no open case " + ref);
                return closed ? 0 : 1;
            } catch (ConfigException e) {
                return CalendarCommand.configError(parent.config, e);
            } catch (no.meldingsvakt.store.StoreException e) {
                System.err.println(e.getMessage());
                return Main.CONFIG_ERROR;
            }
        }
    }
}
