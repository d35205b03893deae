/**
 * The operator's console and the machine endpoints, served by an embedded Jetty (Javalin): the
 * pages (Oversikt, Saker, Karantene) rendered server-side from Mustache templates, login and
 * sessions with CSRF tokens, the per-organisation iCalendar feed behind a token, {@code /health/*}
 * and {@code /metrics}. A thin edge: it reads the store and asks it to close, reopen, release or
 * discard, and writes every action to the audit with the user's name.
 */
package no.meldingsvakt.web;
