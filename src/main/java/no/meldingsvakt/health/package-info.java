/**
 * The health state: what each mailbox and SMTP connection last did, and the problems that can
 * follow. A leaf: the watchers and the outbox write it, the monitor reads it.
 */
package no.meldingsvakt.health;
