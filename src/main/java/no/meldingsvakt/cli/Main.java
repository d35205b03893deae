package no.meldingsvakt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar meldingsvakt.jar <command>}. */
@Command(name = "meldingsvakt", mixinStandardHelpOptions = true, version = "meldingsvakt 0.1.0",
        description = "Watches meldingsansvarlig mailboxes: classifies notices, confirms receipt and passes them on to staff.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, StatusCommand.class, DemoCommand.class, ClassifyCommand.class, CalendarCommand.class, CasesCommand.class,
                BackupCommand.class, HashPasswordCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    public static final int CONFIG_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
