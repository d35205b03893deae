/** Business time in Europe/Oslo: Norwegian public holidays and an organisation's opening hours. */
package no.meldingsvakt.calendar;
