/**
 * Watches each organisation's mailbox over IMAP: IDLE where offered, polling where not, a NOOP
 * from a shared keepalive pool to find half-open connections, reconnects with capped backoff, catch-up
 * after every (re)connect, UIDs only. A message is moved (or given a keyword) only after the store
 * has committed everything it causes; the outbox hears of a new message as it is read
 * ({@link no.meldingsvakt.mailbox.IntakeEvents}) and again once it is committed.
 */
package no.meldingsvakt.mailbox;
