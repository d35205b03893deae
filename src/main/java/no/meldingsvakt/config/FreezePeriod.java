package no.meldingsvakt.config;

/** A period in which planned changes are not to be made (school holidays). May run over New Year. */
public record FreezePeriod(String name, DateRule from, DateRule to) {}
