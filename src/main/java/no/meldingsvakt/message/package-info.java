/**
 * Turns the raw bytes of a mail into a {@link no.meldingsvakt.message.ParsedMessage}: decoded
 * headers, sender, threading ids and the readable text of the body. Reading never throws for a
 * merely odd message; only bytes that are not a message at all are refused.
 */
package no.meldingsvakt.message;
