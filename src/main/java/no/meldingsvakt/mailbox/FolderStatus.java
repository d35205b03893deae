package no.meldingsvakt.mailbox;

/** What STATUS says of a folder: while both stay the same, nothing was added to it. */
public record FolderStatus(long uidValidity, long uidNext) {}
