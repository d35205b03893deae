package no.meldingsvakt.action;

import java.time.Instant;

/**
 * A message as the watcher fetched it. {@code bytes} is the whole message, or only its header
 * block when {@code headersOnly} (the message was over the size limit).
 */
public record Incoming(long uidValidity, long uid, Instant arrivedAt, byte[] bytes, boolean headersOnly, long size) {}
