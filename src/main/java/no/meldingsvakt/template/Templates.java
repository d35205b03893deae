package no.meldingsvakt.template;

import no.meldingsvakt.config.OrganisationConfig;

/** The organisation's templates (its own directory first, then the shared and built-in ones). */
@FunctionalInterface
public interface Templates {
    TemplateRenderer forOrganisation(OrganisationConfig org);
}
