/**
 * Decides what a message is: one of the routine's standard notices (by subject), automatic mail
 * (which must never get a receipt), or an ordinary inquiry; and which services it names.
 */
package no.meldingsvakt.classify;
