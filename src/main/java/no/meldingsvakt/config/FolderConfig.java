package no.meldingsvakt.config;

/**
 * IMAP folders a watcher uses. {@code processed} receives a message only after its effects are
 * stored; {@code quarantine} receives messages that could not be read. With {@code keywordOnly}
 * (or a server without MOVE) processed mail stays in the inbox and is flagged with {@code keyword}.
 */
public record FolderConfig(String inbox, String processed, String quarantine, String keyword, boolean keywordOnly) {}
