package no.meldingsvakt.web;

import java.util.List;
import no.meldingsvakt.config.ConsoleUser;
import no.meldingsvakt.config.OrganisationConfig;

/** Who is asking: the user, the organisations the user may see, and the session's CSRF token. */
record Viewer(ConsoleUser user, String sessionId, String csrf, List<OrganisationConfig> organisations) {
    boolean sees(String org) {
        return organisations.stream().anyMatch(o -> o.id().equals(org));
    }
}
