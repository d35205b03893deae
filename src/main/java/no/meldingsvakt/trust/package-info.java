/**
 * Who a message is really from: reads the {@code Authentication-Results} that the organisation's
 * own receiving server wrote (RFC 8601) and decides whether the From address is authenticated.
 * Everything else in a mail was chosen by its sender. Depends on message and config only.
 */
package no.meldingsvakt.trust;
