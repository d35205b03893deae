package no.meldingsvakt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConfigException;
import no.meldingsvakt.config.ConfigLoader;
import no.meldingsvakt.outbound.SentJournal;
import no.meldingsvakt.store.Backup;
import no.meldingsvakt.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** An online backup of the store into one file, checked before it is reported done. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the store, while the service runs, into one file that restores it (see the README: Backup and restore).")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption = new ConfigOption();

    @Parameters(paramLabel = "TO_FILE", description = "Where the copy goes; must not exist.")
    Path target;

    @Override
    public Integer call() {
        Path config = configOption.resolve();
        try {
            AppConfig c = ConfigLoader.withoutSecrets().load(config);
            if (c.postgres().isPresent()) {
                System.err.println("The store is PostgreSQL (" + c.postgres().get().url() + "): back it up with the server's own tools,"
                        + " e.g. pg_dump --format=custom (README: Two instances)");
                return Main.CONFIG_ERROR;
            }
            Backup.Result r = Backup.copy(c.storePath(), target, new SentJournal(c.sentJournal()).pending());
            System.out.println("Backup " + r.file() + ": " + r.bytes() / 1024 + " kB, integrity ok, schema " + r.schema().get(r.schema().size() - 1)
                    + "; " + r.messages() + " message record(s), " + r.cases() + " case(s), " + r.outbox() + " outbox row(s)"
                    + (r.journaled() > 0 ? ", " + r.journaled() + " delivered mail(s) from the sent journal marked sent" : ""));
            return 0;
        } catch (ConfigException e) {
            return CalendarCommand.configError(config, e);
        } catch (StoreException e) {
            System.err.println("Backup failed: " + e.getMessage());
            return 1;
        }
    }
}
