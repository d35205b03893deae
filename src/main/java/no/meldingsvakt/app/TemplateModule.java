package no.meldingsvakt.app;

import no.meldingsvakt.template.Templates;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.template.TemplateRenderer;

/** Per-organisation templates: the organisation's directory, then the shared one, then the built-in defaults. */
final class TemplateModule extends AbstractModule {
    @Provides
    @Singleton
    Templates templates(AppConfig config) {
        // One renderer per set of template directories, not per organisation: two thousand organisations
        // on the built-in templates share one set of compiled templates.
        Map<List<Path>, TemplateRenderer> byDirs = new ConcurrentHashMap<>();
        return org -> {
            List<Path> dirs = new ArrayList<>();
            org.templatesDir().ifPresent(dirs::add);
            config.templatesDir().ifPresent(dirs::add);
            return byDirs.computeIfAbsent(List.copyOf(dirs), TemplateRenderer::new);
        };
    }
}
