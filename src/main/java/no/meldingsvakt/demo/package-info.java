/**
 * The self-contained demo: an embedded GreenMail, a demo organisation configured through a real
 * YAML file, and a handful of sample notices of every kind, so a newcomer sees the whole routine
 * without a mail server of their own.
 */
package no.meldingsvakt.demo;
