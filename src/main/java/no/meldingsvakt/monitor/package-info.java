/**
 * Sits above the pipeline and watches it: the health monitor, which turns what the watchers and
 * the outbox report (the state in {@code health}) and the store's leases into alerts and
 * all-clears, and the connection check of {@code check-config --connect}. Nothing below imports
 * this package.
 */
package no.meldingsvakt.monitor;
