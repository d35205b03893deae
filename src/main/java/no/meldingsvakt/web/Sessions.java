package no.meldingsvakt.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory: a random id in an HttpOnly, SameSite=Strict cookie, and a CSRF token
 * per session that every form carries back. A login always makes a new session (an id planted
 * before the login is worth nothing after it). Sessions end after {@link #IDLE} without a request
 * or {@link #MAX} in all; a restart logs everybody out, which a console for a few staff can bear.
 */
final class Sessions {
    static final String COOKIE = "mv_session";
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration MAX = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String user, String csrf, Instant created, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session create(String user) {
        Instant now = clock.instant();
        Session s = new Session(token(), user, token(), now, now);
        sessions.put(s.id(), s);
        if (sessions.size() > 10_000) {
            sweep();
        }
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(MAX))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.user(), s.csrf(), s.created(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** The cookie that carries a session id; Secure when the console is reached over TLS. */
    static String cookie(String id, boolean secure) {
        return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String expired(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Compares tokens in constant time. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(MAX)));
    }
}
