/**
 * The SQLite store: which messages were processed, cases, the transactional outbox and the audit
 * trail. Everything a message causes is committed in one transaction before the IMAP message is
 * marked; unique keys make each effect idempotent, so a replay after a crash changes nothing.
 */
package no.meldingsvakt.store;
