package no.meldingsvakt.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.ConsoleConfig;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.mailbox.QuarantineRelease;
import no.meldingsvakt.metrics.ServiceMetrics;
import no.meldingsvakt.report.ReportBuilder;
import no.meldingsvakt.report.ReportCsv;
import no.meldingsvakt.report.ReportJson;
import no.meldingsvakt.store.Store;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded web server: the console's pages, the calendar feeds and the machine endpoints, on
 * its own small thread pool so a busy browser never takes a thread from the mail. Started after
 * the store is open, stopped before it closes.
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";
    /** The report page carries its own style block and its charts as data: URIs; still no script. */
    private static final String CSP_REPORT = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final AppConfig config;
    private final ConsoleConfig console;
    private final ServiceMetrics metrics;
    private final Views views = new Views();
    private final Access access;
    private final OverviewPage overview;
    private final CasesPage cases;
    private final QuarantinePage quarantine;
    private final CalendarFeed feed;
    private final Readiness readiness;
    private final ReportPage report;
    private final String css = Views.resource("/web/console.css");
    private Javalin app;

    public Console(AppConfig config, ConsoleConfig console, Store store, Health health, ServiceMetrics metrics, QuarantineRelease release,
            ReportBuilder reports, Clock clock) {
        this.config = config;
        this.console = console;
        this.metrics = metrics;
        this.access = new Access(console, config.organisations(), new Sessions(clock), new LoginLimiter(clock));
        this.overview = new OverviewPage(store, health, clock);
        this.cases = new CasesPage(store, clock);
        this.quarantine = new QuarantinePage(store, release);
        this.feed = new CalendarFeed(store, clock);
        this.readiness = new Readiness(config, store, health, clock);
        this.report = new ReportPage(reports, clock);
    }

    public synchronized void start() {
        if (console.users().isEmpty()) {
            LOG.warn("console: no users under console.users, so nobody can log in (make a hash with `meldingsvakt hash-password`)");
        }
        app = Javalin.create(this::configure).start(console.host(), console.port());
        LOG.info("console: listening on {} (public URL {})", "http://" + console.host() + ":" + app.port(), baseUrl());
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return console.baseUrl(app == null ? console.port() : app.port());
    }

    /** The subscription address of an organisation's downtime calendar, token included. */
    public String calendarUrl(String org) {
        return baseUrl() + "/kalender/" + org + "/" + feed.token(org) + ".ics";
    }

    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(JavalinConfig c) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 60_000);
        pool.setName("console");
        c.jetty.threadPool = pool;
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = 64 * 1024;
        c.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("Cache-Control", "no-store");
        });
        c.routes.exception(Refused.class, (e, ctx) -> refused(ctx, e));
        c.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("console: {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).html(views.page("message", "Feil", Map.of("title", "Noe gikk galt", "text",
                    "Siden kunne ikke vises. Feilen er logget."), access.viewer(ctx)));
        });
        c.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.html(views.page("message", "Finnes ikke", Map.of("title", "Finnes ikke", "text", "Siden finnes ikke."), Optional.empty()));
            }
        });
        c.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
        c.routes.get("/health/ready", ctx -> {
            Readiness.Answer a = readiness.check();
            ctx.status(a.ready() ? 200 : 503).json(a.body());
        });
        c.routes.get("/metrics", this::metrics);
        c.routes.get("/static/console.css", ctx -> ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "max-age=3600").result(css));
        c.routes.get("/login", ctx -> loginPage(ctx, 200, ""));
        c.routes.post("/login", this::login);
        c.routes.post("/logout", ctx -> {
            access.requirePost(ctx, false);
            access.logout(ctx);
            ctx.header("Set-Cookie", Sessions.expired(access.secure(ctx)));
            ctx.redirect("/login");
        });
        c.routes.get("/", ctx -> page(ctx, "overview", "Oversikt", overview.model(access.require(ctx))));
        c.routes.get("/saker", ctx -> page(ctx, "cases", "Saker", cases.list(access.require(ctx), CasesPage.Filter.of(ctx.queryParam("status"),
                ctx.queryParam("kategori"), ctx.queryParam("partner"), ctx.queryParam("org")))));
        c.routes.get("/saker/{ref}", ctx -> {
            Viewer v = access.require(ctx);
            var found = cases.find(v, ctx.pathParam("ref")).orElseThrow(() -> new Refused(404, "Saken finnes ikke."));
            Map<String, Object> m = cases.detail(v, found);
            Optional.ofNullable(ctx.queryParam("melding")).ifPresent(x -> m.put("flash", x));
            page(ctx, "case", "Sak " + found.ref(), m);
        });
        c.routes.post("/saker/{ref}/lukk", ctx -> caseAction(ctx, true));
        c.routes.post("/saker/{ref}/gjenapne", ctx -> caseAction(ctx, false));
        c.routes.get("/karantene", ctx -> {
            Map<String, Object> m = new HashMap<>(quarantine.model(access.requireAdmin(ctx)));
            Optional.ofNullable(ctx.queryParam("melding")).ifPresent(x -> m.put("flash", x));
            page(ctx, "quarantine", "Karantene", m);
        });
        c.routes.post("/karantene/{id}/slipp", ctx -> quarantineAction(ctx, true));
        c.routes.post("/karantene/{id}/forkast", ctx -> quarantineAction(ctx, false));
        c.routes.get("/kalender", ctx -> page(ctx, "message", "Kalender", calendarModel(access.require(ctx), ctx.queryParam("melding"))));
        c.routes.post("/kalender/{org}/ny-lenke", ctx -> {
            Viewer v = access.requirePost(ctx, true);
            String org = ctx.pathParam("org");
            if (!v.sees(org)) {
                throw new Refused(404, "Finnes ikke.");
            }
            feed.rotate(org, v.user().name());
            LOG.info("console: {} replaced the calendar link of {}", v.user().name(), org);
            ctx.redirect("/kalender?melding=" + enc("Ny lenke laget for " + org + ". Den gamle virker ikke lenger."));
        });
        c.routes.get("/kalender/{org}/{token}", this::calendar);
        c.routes.get("/rapport", ctx -> {
            Viewer v = access.require(ctx);
            ReportPage.Ask a = report.ask(v, ctx.queryParam("org"), ctx.queryParam("maned"));
            Map<String, Object> m = report.model(v, a);
            ctx.header("Content-Security-Policy", CSP_REPORT);
            page(ctx, "report", "Rapport", m);
        });
        c.routes.get("/rapport.csv", ctx -> {
            ReportPage.Ask a = report.ask(access.require(ctx), ctx.queryParam("org"), ctx.queryParam("maned"));
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"meldingsvakt-" + a.org().id() + "-"
                    + a.month() + ".csv\"").result(ReportCsv.of(report.report(a)));
        });
        c.routes.get("/rapport.json", ctx -> {
            ReportPage.Ask a = report.ask(access.require(ctx), ctx.queryParam("org"), ctx.queryParam("maned"));
            ctx.contentType("application/json; charset=utf-8").result(ReportJson.of(report.report(a)));
        });
    }

    private void page(Context ctx, String name, String title, Map<String, Object> model) {
        Viewer v = access.require(ctx);
        Map<String, Object> m = new HashMap<>(model);
        m.put("csrf", v.csrf());
        ctx.html(views.page(name, title, m, Optional.of(v)));
    }

    private void refused(Context ctx, Refused e) {
        if (e.status == 401) {
            loginPage(ctx, 401, "");
            return;
        }
        ctx.status(e.status).html(views.page("message", "Ikke tilgang", Map.of("title", e.status == 404 ? "Finnes ikke" : "Ikke tilgang",
                "text", e.getMessage()), e.status == 404 ? Optional.empty() : access.viewer(ctx)));
    }

    private void loginPage(Context ctx, int status, String error) {
        String pre = Sessions.token();
        ctx.header("Set-Cookie", Access.PRE_COOKIE + "=" + pre + "; Path=/login; HttpOnly; SameSite=Strict" + (access.secure(ctx) ? "; Secure" : ""));
        ctx.status(status).html(views.page("login", "Logg inn", Map.of("pre", pre, "error", error), Optional.empty()));
    }

    private void login(Context ctx) {
        Access.Outcome o = access.login(ctx);
        if (o instanceof Access.LoggedIn in) {
            ctx.header("Set-Cookie", Sessions.cookie(in.sessionId(), access.secure(ctx)));
            ctx.redirect("/");
        } else if (o instanceof Access.Failed f) {
            loginPage(ctx, f.status(), f.message());
        }
    }

    private void caseAction(Context ctx, boolean close) {
        Viewer v = access.requirePost(ctx, false);
        var found = cases.find(v, ctx.pathParam("ref")).orElseThrow(() -> new Refused(404, "Saken finnes ikke."));
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
        if (note.length() > 2000) {
            note = note.substring(0, 2000);
        }
        boolean done = close ? cases.close(v, found, note) : cases.reopen(v, found, note);
        String msg = done ? (close ? "Saken er lukket." : "Saken er åpnet igjen.") : (close ? "Saken var allerede lukket." : "Saken var ikke lukket.");
        ctx.redirect("/saker/" + found.ref() + "?melding=" + enc(msg));
    }

    private void quarantineAction(Context ctx, boolean release) {
        Viewer v = access.requirePost(ctx, true);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Refused(404, "Finnes ikke.");
        }
        var q = quarantine.find(v, id).orElseThrow(() -> new Refused(404, "Meldingen finnes ikke i karantene."));
        OrganisationConfig org = config.organisation(q.org()).orElseThrow(() -> new Refused(404, "Finnes ikke."));
        String msg = release ? quarantine.release(v, q, org) : quarantine.discard(v, q, Optional.ofNullable(ctx.formParam("note")).orElse(""));
        ctx.redirect("/karantene?melding=" + enc(msg));
    }

    private Map<String, Object> calendarModel(Viewer v, String flash) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "Nedetidskalender");
        m.put("text", "Abonner på kalenderen i Outlook (Legg til kalender → Fra Internett), Google Kalender (Andre kalendere → Fra URL)"
                + " eller på telefonen. Lenken er hemmelig: den som har den, ser kalenderen.");
        m.put("feeds", v.organisations().stream().map(o -> Map.of("org", o.id(), "name", o.name(), "url", calendarUrl(o.id()))).toList());
        m.put("rotate", v.user().admin());
        m.put("csrf", v.csrf());
        if (flash != null) {
            m.put("flash", flash);
        }
        return m;
    }

    private void calendar(Context ctx) {
        String org = ctx.pathParam("org");
        String file = ctx.pathParam("token");
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        Optional<OrganisationConfig> o = config.organisation(org);
        if (o.isEmpty() || !feed.accepts(org, token)) {
            throw new Refused(404, "Finnes ikke.");
        }
        ctx.contentType("text/calendar; charset=utf-8").result(feed.render(o.get(), baseUrl()));
    }

    private void metrics(Context ctx) {
        if (console.metricsToken().isPresent()) {
            String auth = Optional.ofNullable(ctx.header("Authorization")).orElse("");
            String expected = "Bearer " + console.metricsToken().get().reveal();
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), auth.getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer").status(401).result("401 Unauthorized");
                return;
            }
        } else if (!console.openMetrics()) {
            access.require(ctx);
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
