/**
 * No silent failure: what each mailbox and SMTP connection last did, the problems that follow
 * (not watched for too long, logins failing, mail that cannot be delivered), alerts to the
 * organisation's admin list with backoff, and an all-clear when the problem is gone.
 */
package no.meldingsvakt.health;
