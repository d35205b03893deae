/**
 * Turns the raw bytes of a mail into a {@link no.meldingsvakt.message.ParsedMessage}: decoded
 * headers, sender, threading ids, the readable text of the body, the text of PDF and Word
 * attachments (through Tika, bounded), and the original message when the mail forwards one.
 * Reading never throws for a merely odd message; only bytes that are not a message at all are
 * refused.
 */
package no.meldingsvakt.message;
