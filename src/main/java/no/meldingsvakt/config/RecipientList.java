package no.meldingsvakt.config;

import java.util.List;

/** A named internal distribution list, e.g. {@code pleie-og-omsorg}. */
public record RecipientList(String name, List<String> addresses) {}
