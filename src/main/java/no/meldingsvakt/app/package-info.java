/**
 * Wiring and lifecycle: one Guice module per feature (no I/O in {@code configure()}), and
 * {@link no.meldingsvakt.app.MeldingsvaktService}, which starts the store, the outbox and one
 * watcher per organisation, and stops them in reverse order.
 */
package no.meldingsvakt.app;
