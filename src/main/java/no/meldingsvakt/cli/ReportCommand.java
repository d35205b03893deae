package no.meldingsvakt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.report.MonthlyReport;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.report.ReportCsv;
import no.meldingsvakt.report.ReportHtml;
import no.meldingsvakt.report.ReportJson;
import no.meldingsvakt.report.ReportPeriod;
import no.meldingsvakt.store.Database;
import no.meldingsvakt.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: the monthly report of one organisation, read from the store while the service
 * runs (a read-only connection: it neither blocks nor waits for the service). Needs no secrets.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "How well the routine was followed in a month (or period): JSON, CSV or HTML with charts.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The YAML config file (default: $MELDINGSVAKT_CONFIG, ./meldingsvakt.yaml, /etc/meldingsvakt/meldingsvakt.yaml).")
    Path config;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (default: last month).")
    String month;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period (with --to, instead of --month).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period, included.")
    String to;

    @Option(names = "--organisation", paramLabel = "ID", description = "The organisation (needed when the config has more than one).")
    String organisation;

    @Option(names = "--format", defaultValue = "html", description = "html, csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        AppConfig c;
        try {
            c = ConfigLoader.withoutSecrets().load(ConfigFile.resolve(config));
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return Main.CONFIG_ERROR;
        }
        ReportPeriod period;
        try {
            period = period();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("html", "csv", "json").contains(f)) {
            System.err.println("report: --format must be html, csv or json");
            return Main.CONFIG_ERROR;
        }
        OrganisationConfig org;
        if (organisation != null) {
            org = c.organisation(organisation).orElse(null);
        } else {
            org = c.organisations().size() == 1 ? c.organisations().get(0) : null;
        }
        if (org == null) {
            System.err.println("report: give --organisation, one of " + c.organisations().stream().map(OrganisationConfig::id).toList());
            return Main.CONFIG_ERROR;
        }
        byte[] bytes;
        try (Database db = Database.forReading(c.storePath(), c.postgres())) {
            MonthlyReport r = new ReportBuilder(Store.of(db, Clock.systemUTC()), Clock.systemUTC()).build(org, period);
            bytes = switch (f) {
                case "csv" -> ReportCsv.of(r);
                case "json" -> ReportJson.of(r).getBytes(StandardCharsets.UTF_8);
                default -> ReportHtml.of(r, ReportHtml.Images.inline(r))
                        .getBytes(StandardCharsets.UTF_8);
            };
        }
        if (out == null) {
            System.out.write(bytes);
            System.out.flush();
        } else {
            Files.write(out, bytes);
            System.err.println("report: " + org.id() + " " + period.label() + " written to " + out + " (" + bytes.length / 1024 + " kB)");
        }
        return 0;
    }

    private ReportPeriod period() {
        if (from != null || to != null) {
            if (from == null || to == null || month != null) {
                throw new IllegalArgumentException("give --from and --to together, or --month");
            }
            return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to).plusDays(1));
        }
        YearMonth m = month == null ? YearMonth.now(no.meldingsvakt.calendar.BusinessCalendar.OSLO).minusMonths(1) : YearMonth.parse(month);
        return ReportPeriod.month(m);
    }
}
