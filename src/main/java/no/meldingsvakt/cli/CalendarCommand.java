package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import no.meldingsvakt.calendar.BusinessCalendar;
import no.meldingsvakt.config.BusinessAmount;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.BusinessHoursConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.config.OrganisationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code calendar holidays YEAR} and {@code calendar deadline --from … --within …}: the business calendar as the service uses it. */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "Norwegian public holidays and business-time deadlines.",
        subcommands = {CalendarCommand.Holidays.class, CalendarCommand.Deadline.class})
final class CalendarCommand {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Use this config's business hours, closed days and half days (default: Mon–Fri 08:00–15:00).")
    Path config;

    @Option(names = "--org", paramLabel = "ID", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The organisation whose hours to use (default: the first in the config).")
    String org;

    BusinessHoursConfig hours() throws ConfigException {
        if (config == null) {
            return BusinessHoursConfig.standard();
        }
        AppConfig c = ConfigLoader.withoutSecrets().load(config);
        Optional<OrganisationConfig> o = org == null ? c.organisations().stream().findFirst() : c.organisation(org);
        return o.orElseThrow(() -> new IllegalArgumentException("no organisation '" + org + "' in " + config)).businessHours();
    }

    static int configError(Path config, ConfigException e) {
        System.err.println("Config " + config + " has " + e.errors().size() + " error(s):");
        e.errors().stream().map(ConfigError::toString).forEach(s -> System.err.println("  " + s));
        return Main.CONFIG_ERROR;
    }

    @Command(name = "holidays", mixinStandardHelpOptions = true, description = "Print Norway's public holidays of a year, one per line.")
    static final class Holidays implements Callable<Integer> {
        @ParentCommand
        CalendarCommand parent;

        @Parameters(paramLabel = "YEAR", description = "e.g. 2026")
        int year;

        @Override
        public Integer call() {
            if (year < 1900 || year > 2200) {
                System.err.println("YEAR must be between 1900 and 2200");
                return 2;
            }
            BusinessCalendar.holidays(year).forEach(h -> System.out.println(h.getDate() + " " + BusinessCalendar.norwegianName(h)));
            return 0;
        }
    }

    @Command(name = "deadline", mixinStandardHelpOptions = true, description = "Print when an amount of business time after a moment ends.")
    static final class Deadline implements Callable<Integer> {
        @ParentCommand
        CalendarCommand parent;

        @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start, e.g. 2026-04-01T14:00 (Europe/Oslo) or with an offset.")
        String from;

        @Option(names = "--within", required = true, paramLabel = "AMOUNT", description = "e.g. \"1 business day\", \"2 business hours\".")
        String within;

        @Override
        public Integer call() {
            BusinessCalendar calendar;
            try {
                calendar = new BusinessCalendar(parent.hours());
            } catch (ConfigException e) {
                return configError(parent.config, e);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            ZonedDateTime start;
            try {
                start = from.matches(".*([+-]\\d\\d:\\d\\d|Z)$") ? ZonedDateTime.parse(from).withZoneSameInstant(BusinessCalendar.OSLO)
                        : LocalDateTime.parse(from).atZone(BusinessCalendar.OSLO);
            } catch (DateTimeParseException e) {
                System.err.println("--from must look like 2026-04-01T14:00, was '" + from + "'");
                return 2;
            }
            Optional<java.time.Duration> amount = BusinessAmount.parse(within).map(a -> a.duration(calendar.dayLength()));
            if (amount.isEmpty()) {
                System.err.println("--within must look like \"1 business day\" or \"2 business hours\", was '" + within + "'");
                return 2;
            }
            System.out.println(ISO.format(calendar.plus(start, amount.get())));
            return 0;
        }
    }
}
