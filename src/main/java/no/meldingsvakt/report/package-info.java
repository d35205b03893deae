/**
 * The monthly report: how well the routine was followed in a period, by the partners (notice,
 * freeze periods, phone number, expected end, the form) and by the organisation itself (receipts,
 * answers within the deadline in business time, reminders, what was left open). Computed from the
 * store's history, rendered as JSON, CSV (RFC 4180, UTF-8 with BOM) and HTML with charts, and
 * mailed once a month. Sits above the store; the CLI, the console and the monthly job use it.
 */
package no.meldingsvakt.report;
