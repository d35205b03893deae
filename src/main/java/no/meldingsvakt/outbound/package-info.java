/**
 * Outgoing mail: assembling MIME messages (receipts, redistributed copies, reports) and draining
 * the outbox over SMTP with persistent retries, so an SMTP server that is down for an hour only
 * delays mail.
 */
package no.meldingsvakt.outbound;
