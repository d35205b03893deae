/**
 * What Prometheus scrapes at {@code /metrics}: notices by category, processing time, mailboxes'
 * last sign of life, the outbox, cases and alerts, SMTP failures, and the JVM. Sits above the
 * store and the health state it reads; nothing below depends on it.
 */
package no.meldingsvakt.metrics;
