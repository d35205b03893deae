package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates a config file without touching any mailbox: a summary, or every error with file, line and key. */
@Command(name = "check-config", mixinStandardHelpOptions = true, description = "Check a config file and print what it says.")
final class CheckConfigCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        try {
            AppConfig config = ConfigLoader.withSystemEnvironment().load(file);
            ConfigSummary.print(config, System.out);
            return 0;
        } catch (ConfigException e) {
            System.err.println("Config " + file + " has " + e.errors().size() + " error(s):");
            for (ConfigError err : e.errors()) {
                System.err.println("  " + err);
            }
            return Main.CONFIG_ERROR;
        }
    }
}
