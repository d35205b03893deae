package no.meldingsvakt.template;

/** A rendered mail text: one-line subject, plain-text body and HTML body. */
public record Rendered(String subject, String text, String html) {}
