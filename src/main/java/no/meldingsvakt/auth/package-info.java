/**
 * Logging in to mail servers: a password, or an OAuth2 access token for SASL XOAUTH2 (Microsoft
 * 365 client credentials with a secret or certificate, a Google service account acting for the
 * mailbox, or any client-credentials endpoint). Tokens are cached, refreshed before they expire,
 * and never logged.
 */
package no.meldingsvakt.auth;
