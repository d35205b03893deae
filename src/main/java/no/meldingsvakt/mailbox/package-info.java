/**
 * Watches each organisation's mailbox over IMAP: IDLE where offered, polling where not, a NOOP
 * from a second thread to find half-open connections, reconnects with capped backoff, catch-up
 * after every (re)connect, UIDs only. A message is moved (or given a keyword) only after the store
 * has committed everything it causes.
 */
package no.meldingsvakt.mailbox;
