package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.monitor.ConnectionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Validates a config file without touching any mailbox: a summary, or every error with file, line and key. */
@Command(name = "check-config", mixinStandardHelpOptions = true, description = "Check a config file and print what it says; with --connect, also log in everywhere.")
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The config file (the same as --config).")
    Path positional;

    @Mixin
    ConfigOption configOption = new ConfigOption();

    @Option(names = "--connect", description = "Also log in to every mailbox and SMTP server and report what works.")
    boolean connect;

    @Override
    public Integer call() {
        Path file = configOption.file != null ? configOption.file : ConfigFile.resolve(positional);
        try {
            // Without --connect nothing is logged in to: a secret missing here (CI, another machine) is only a warning.
            ConfigLoader loader = connect ? ConfigLoader.withSystemEnvironment() : ConfigLoader.forChecking();
            AppConfig config = loader.load(file);
            ConfigSummary.print(config, System.out);
            for (ConfigError w : loader.warnings()) {
                System.out.println("WARNING: " + w);
            }
            if (!connect) {
                return 0;
            }
            System.out.println();
            System.out.println("Connecting:");
            boolean ok = true;
            for (ConnectionCheck.Line line : new ConnectionCheck().check(config)) {
                System.out.println((line.ok() ? "  ok    " : "  FAIL  ") + line.text());
                ok &= line.ok();
            }
            return ok ? 0 : 1;
        } catch (ConfigException e) {
            return CalendarCommand.configError(file, e);
        }
    }
}
