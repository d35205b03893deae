/**
 * Business time in Europe/Oslo: Norwegian public holidays (from a maintained library), an
 * organisation's opening hours, closed days and half days, and deadline arithmetic in business
 * hours and days.
 */
package no.meldingsvakt.calendar;
