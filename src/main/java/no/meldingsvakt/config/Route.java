package no.meldingsvakt.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.classify.Category;

/**
 * A routing rule: when every given condition holds, the message goes to {@code lists}. An empty
 * condition set means "any"; conditions in one route are AND-ed, values within one condition OR-ed.
 */
public record Route(
        String name,
        Set<Category> categories,
        Set<String> services,
        Set<String> senderDomains,
        Optional<TimeOfDay> time,
        List<String> lists) {}
