/**
 * How Meldingsvakt writes its log: one line per event with an ISO-8601 timestamp and offset, the
 * cause chain of an error on that same line (the stack trace only at debug), no control character
 * from a message ever starting a line of its own, and Logback's JSON encoder when
 * {@code logging.format: json} asks for it. An edge: nothing else depends on it.
 */
package no.meldingsvakt.logging;
