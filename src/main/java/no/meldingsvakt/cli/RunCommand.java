package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.meldingsvakt.app.MeldingsvaktService;
import no.meldingsvakt.app.ServiceSettings;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigError;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the service until the process is told to stop (SIGTERM or Ctrl-C), then stops it cleanly. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Watch every configured mailbox until stopped.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption = new ConfigOption();

    @Override
    public Integer call() throws InterruptedException {
        AppConfig loaded;
        Path config = configOption.resolve();
        try {
            loaded = ConfigLoader.withSystemEnvironment().load(config);
        } catch (ConfigException e) {
            System.err.println("Refusing to start: config " + config + " has " + e.errors().size() + " error(s):");
            for (ConfigError err : e.errors()) {
                System.err.println("  " + err);
            }
            return Main.CONFIG_ERROR;
        }
        no.meldingsvakt.logging.LogFormat.apply(loaded.logFormat());
        MeldingsvaktService service = MeldingsvaktService.create(loaded, Clock.systemUTC(), ServiceSettings.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            stopped.countDown();
        }, "shutdown"));
        try {
            service.start();
        } catch (StoreLock.StoreInUseException e) {
            System.err.println("Refusing to start: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        stopped.await();
        return 0;
    }
}
