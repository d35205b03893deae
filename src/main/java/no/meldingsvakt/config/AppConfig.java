package no.meldingsvakt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The whole configuration, loaded once at start. */
public record AppConfig(Path source, Path storePath, Optional<Path> templatesDir, HealthConfig health, Optional<FallbackSmtp> fallbackSmtp,
        List<OrganisationConfig> organisations) {
    public Optional<OrganisationConfig> organisation(String id) {
        return organisations.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
