package no.meldingsvakt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Which config file a command reads, the same way for every command: {@code --config FILE}, else
 * {@code $MELDINGSVAKT_CONFIG}, else {@code ./meldingsvakt.yaml} if it exists, else
 * {@code /etc/meldingsvakt/meldingsvakt.yaml} (the packaged layout).
 */
final class ConfigFile {
    static final Path ETC = Path.of("/etc/meldingsvakt/meldingsvakt.yaml");
    static final Path HERE = Path.of("meldingsvakt.yaml");

    private ConfigFile() {}

    static Path resolve(Path explicit) {
        return resolve(explicit, System::getenv);
    }

    static Path resolve(Path explicit, Function<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        String var = env.apply("MELDINGSVAKT_CONFIG");
        if (var != null && !var.isBlank()) {
            return Path.of(var);
        }
        if (Files.exists(HERE) || !Files.exists(ETC)) {
            return HERE;
        }
        return ETC;
    }
}
