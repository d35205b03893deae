package no.meldingsvakt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, the same for every command that reads the service's config (a picocli mixin). */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The YAML config file (default: $MELDINGSVAKT_CONFIG, ./meldingsvakt.yaml, /etc/meldingsvakt/meldingsvakt.yaml).")
    Path file;

    /** The file given, or found in the one fallback order ({@link ConfigFile}). */
    Path resolve() {
        return ConfigFile.resolve(file);
    }
}
