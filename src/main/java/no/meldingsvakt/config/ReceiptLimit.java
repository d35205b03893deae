package no.meldingsvakt.config;

import java.time.Duration;

/** At most {@code max} receipts to one sender within {@code window}; stops loops with broken auto-responders. */
public record ReceiptLimit(int max, Duration window) {}
