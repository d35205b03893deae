package no.meldingsvakt.config;

/** What the routine demands for one category: whether a person's message of it gets a receipt. */
public record CategoryPolicy(boolean receipt) {}
