package no.meldingsvakt.mailbox;

import java.time.Instant;
import java.util.Optional;

/** What a watcher last knew about its mailbox, for status output and monitoring. */
public record MailboxHealth(String org, boolean connected, Optional<Instant> lastConfirmed, Optional<String> lastError,
        int consecutiveFailures, boolean idle, boolean move) {}
