package no.meldingsvakt.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.meldingsvakt.config.ConsoleConfig;
import no.meldingsvakt.config.ConsoleUser;
import no.meldingsvakt.config.OrganisationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Who may do what: logging in and out, the session behind each request (or the user a trusted
 * reverse proxy names), the CSRF token on every POST, and the admin role. Nothing of the console
 * answers without a viewer; a user sees only the organisations the config gives it.
 */
final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String PRE_COOKIE = "mv_pre";
    /** Checked when the name is unknown, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BCrypt.hashpw("not a password", BCrypt.gensalt(10));

    private final ConsoleConfig config;
    private final List<OrganisationConfig> organisations;
    private final Sessions sessions;
    private final LoginLimiter limiter;

    Access(ConsoleConfig config, List<OrganisationConfig> organisations, Sessions sessions, LoginLimiter limiter) {
        this.config = config;
        this.organisations = organisations;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    /** The viewer of this request, if it has one. */
    Optional<Viewer> viewer(Context ctx) {
        Optional<Viewer> cached = Optional.ofNullable(ctx.attribute("viewer"));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Viewer> v = proxyUser(ctx).or(() -> sessions.find(ctx.cookie(Sessions.COOKIE))
                .flatMap(s -> config.user(s.user()).map(u -> viewer(u, s))));
        v.ifPresent(x -> ctx.attribute("viewer", x));
        return v;
    }

    Viewer require(Context ctx) {
        return viewer(ctx).orElseThrow(() -> new Refused(401, "Logg inn for å se konsollet."));
    }

    Viewer requireAdmin(Context ctx) {
        Viewer v = require(ctx);
        if (!v.user().admin()) {
            throw new Refused(403, "Bare administratorer har tilgang hit.");
        }
        return v;
    }

    /** Every POST but the login carries the session's token; SameSite=Strict is the second lock, not the only one. */
    Viewer requirePost(Context ctx, boolean admin) {
        Viewer v = admin ? requireAdmin(ctx) : require(ctx);
        if (!Sessions.same(v.csrf(), ctx.formParam("csrf"))) {
            LOG.warn("console: POST {} by {} refused: missing or wrong CSRF token", ctx.path(), v.user().name());
            throw new Refused(403, "Skjemaet var utløpt eller ikke sendt fra konsollet. Last siden på nytt og prøv igjen.");
        }
        return v;
    }

    /** The outcome of a login form. */
    sealed interface Outcome permits LoggedIn, Failed {}

    record LoggedIn(String sessionId) implements Outcome {}

    record Failed(int status, String message) implements Outcome {}

    Outcome login(Context ctx) {
        String ip = ctx.req().getRemoteAddr();
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!Sessions.same(Optional.ofNullable(ctx.cookie(PRE_COOKIE)).orElse("-"), ctx.formParam("pre"))) {
            return new Failed(403, "Innloggingsskjemaet var utløpt. Prøv igjen.");
        }
        Optional<Duration> locked = limiter.lockedFor(ip, name);
        if (locked.isPresent()) {
            LOG.warn("console: login for '{}' from {} refused: too many failures", name, ip);
            return new Failed(429, "For mange mislykkede forsøk. Prøv igjen om " + Math.max(1, locked.get().toMinutes() + 1) + " minutter.");
        }
        Optional<ConsoleUser> user = config.user(name).filter(u -> u.passwordHash().isPresent());
        boolean ok = password.length() <= 200 && checkpw(password, user.flatMap(ConsoleUser::passwordHash).orElse(DUMMY_HASH)) && user.isPresent();
        if (!ok) {
            limiter.failed(ip, name);
            LOG.warn("console: failed login for '{}' from {}", name.length() > 64 ? name.substring(0, 64) : name, ip);
            return new Failed(401, "Feil brukernavn eller passord.");
        }
        limiter.succeeded(name);
        sessions.end(ctx.cookie(Sessions.COOKIE));
        Sessions.Session s = sessions.create(name);
        LOG.info("console: {} logged in from {}", name, ip);
        return new LoggedIn(s.id());
    }

    void logout(Context ctx) {
        sessions.end(ctx.cookie(Sessions.COOKIE));
    }

    private static boolean checkpw(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A user named by the reverse proxy in front. The header counts only from the proxy's own
     * addresses; anyone else sending it is refused outright rather than ignored, so a misrouted
     * request shows up in the log instead of quietly asking for a password.
     */
    private Optional<Viewer> proxyUser(Context ctx) {
        if (config.proxy().isEmpty()) {
            return Optional.empty();
        }
        ConsoleConfig.ProxyAuth p = config.proxy().get();
        String name = ctx.header(p.header());
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String ip = ctx.req().getRemoteAddr();
        if (!p.from().contains(ip)) {
            LOG.warn("console: header {} from {}, which is not the configured proxy: refused", p.header(), ip);
            throw new Refused(403, "Ikke tillatt.");
        }
        ConsoleUser u = config.user(name.strip()).orElseThrow(() -> new Refused(403, "Brukeren " + name.strip() + " har ikke tilgang til konsollet."));
        Sessions.Session s = sessions.find(ctx.cookie(Sessions.COOKIE)).filter(x -> x.user().equals(u.name())).orElseGet(() -> {
            Sessions.Session fresh = sessions.create(u.name());
            ctx.header("Set-Cookie", Sessions.cookie(fresh.id(), secure(ctx)));
            return fresh;
        });
        return Optional.of(viewer(u, s));
    }

    private Viewer viewer(ConsoleUser u, Sessions.Session s) {
        return new Viewer(u, s.id(), s.csrf(), organisations.stream().filter(o -> u.sees(o.id())).toList());
    }

    /** Cookies are Secure when the console is reached over TLS, directly or through the proxy in front. */
    boolean secure(Context ctx) {
        return config.secureCookies() || "https".equals(ctx.scheme());
    }
}
