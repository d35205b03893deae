package no.meldingsvakt.store;

/** Where a watcher is in its mailbox: the server's UIDVALIDITY and the highest UID processed under it. */
public record MailboxState(long uidValidity, long lastUid) {}
