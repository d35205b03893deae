package no.meldingsvakt.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.meldingsvakt.classify.Category;

/** Reads one organisation; returns null when a part is too broken to build a value (errors are recorded). */
final class OrganisationReader {
    private static final List<String> KEYS = List.of("id", "name", "address", "user", "password_env", "password_file", "auth",
            "imap", "smtp", "folders", "idle", "poll_seconds", "lists", "routes", "fallback_lists", "admin_list",
            "policy", "receipt_rate_limit", "business_hours", "max_message_mb", "templates_dir", "checks", "cases",
            "trust", "own_domains", "report_to");

    private final YamlNode o;
    private final YamlNode.ErrorSink errors;
    private final Function<String, String> env;
    private final int before;
    private final Map<String, List<String>> services;

    OrganisationReader(YamlNode o, YamlNode.ErrorSink errors, Function<String, String> env, Map<String, List<String>> services) {
        this.services = services;
        this.o = o;
        this.errors = errors;
        this.env = env;
        this.before = errors.errors().size();
    }

    OrganisationConfig read() {
        if (!o.isMapping()) {
            o.error("each organisation must be a mapping");
            return null;
        }
        String id = o.requireString("id").orElse("?");
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            o.get("id").ifPresent(n -> n.error("use lower-case letters, digits, '-' and '_' only"));
        }
        String name = o.string("name").orElse(id);
        String address = o.requireString("address").map(a -> address(o.get("address").orElseThrow(), a)).orElse("");
        String user = o.string("user").orElse(address);
        AuthConfig auth = AuthReader.read(o, env);
        ServerConfig imap = o.require("imap").map(n -> server(n, 993, 143)).orElse(null);
        ServerConfig smtp = o.require("smtp").map(n -> server(n, 465, 587)).orElse(null);
        FolderConfig folders = folders();
        boolean idle = o.bool("idle").orElse(true);
        int poll = o.integer("poll_seconds", 1, 3600).orElse(60);
        Map<String, RecipientList> lists = lists();
        List<Route> routes = routes(lists.keySet());
        List<String> fallback = listRefs(o, "fallback_lists", lists.keySet());
        if (!o.has("fallback_lists")) {
            // Needed only where a notice could reach nobody, or where reports have nowhere else to go.
            List<String> uncovered = uncovered(routes);
            if (!uncovered.isEmpty() || !o.has("admin_list")) {
                errors.at(o.raw(), o.child("fallback_lists"), "missing required key: " + (uncovered.isEmpty()
                        ? "without admin_list, reports and alerts go to the fallback lists"
                        : "no route takes every notice of " + String.join(", ", uncovered) + " whatever its service, sender or time"));
            }
        } else if (fallback.isEmpty()) {
            o.get("fallback_lists").ifPresent(n -> n.error("name at least one list: a notice no route selects must still reach someone"));
        }
        Optional<String> admin = o.string("admin_list");
        admin.ifPresent(a -> {
            if (!lists.containsKey(a)) {
                o.get("admin_list").ifPresent(n -> n.error("no list named '" + a + "' (defined: " + String.join(", ", lists.keySet()) + ")"));
            }
        });
        List<String> reportTo = o.strings("report_to");
        for (String l : reportTo) {
            if (!lists.containsKey(l)) {
                o.get("report_to").ifPresent(n -> n.error("no list named '" + l + "' (defined: " + String.join(", ", lists.keySet()) + ")"));
            }
        }
        Map<Category, CategoryPolicy> policy = policy();
        ReceiptLimit limit = o.get("receipt_rate_limit").map(this::receiptLimit).orElse(new ReceiptLimit(3, Duration.ofHours(1)));
        BusinessHoursConfig hours = o.get("business_hours").map(this::hours).orElse(BusinessHoursConfig.standard());
        long maxBytes = o.integer("max_message_mb", 1, 1024).map(mb -> mb * 1024L * 1024L).orElse(ConfigLoader.DEFAULT_MAX_MESSAGE_BYTES);
        Optional<Path> templates = o.path("templates_dir");
        NoticeChecks checks = ChecksReader.checks(o.get("checks"), services);
        CasePolicy cases = CasesReader.read(o.get("cases"), lists.keySet());
        TrustConfig trust = TrustReader.read(o, address, errors);
        o.rejectUnknownKeys(KEYS);
        if (errors.errors().size() > before) {
            return null;
        }
        return OrganisationConfig.builder().id(id).name(name).address(address).user(user).auth(auth).imap(imap).smtp(smtp).folders(folders)
                .idle(idle).pollSeconds(poll).lists(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lists))).routes(List.copyOf(routes))
                .fallbackLists(List.copyOf(fallback)).adminList(admin).policy(policy).receiptLimit(limit).businessHours(hours)
                .maxMessageBytes(maxBytes).templatesDir(templates).checks(checks).cases(cases).trust(trust).reportTo(reportTo).build();
    }

    private ServerConfig server(YamlNode n, int tlsPort, int starttlsPort) {
        return server(n, tlsPort, starttlsPort, List.of());
    }

    static ServerConfig server(YamlNode n, int tlsPort, int starttlsPort, List<String> moreKeys) {
        String host = n.requireString("host").orElse("");
        String sec = n.string("security").orElse("tls").toLowerCase(Locale.ROOT);
        Security security;
        switch (sec) {
            case "tls": security = Security.TLS; break;
            case "starttls": security = Security.STARTTLS; break;
            case "plain": security = Security.PLAIN; break;
            default:
                n.get("security").ifPresent(s -> s.error("must be tls or starttls (or plain with allow_insecure: true), was '" + sec + "'"));
                security = Security.TLS;
        }
        boolean insecure = n.bool("allow_insecure").orElse(false);
        if (security == Security.PLAIN && !insecure) {
            n.get("security").ifPresent(s -> s.error("plain sends the password unencrypted; add allow_insecure: true if you mean it"));
        }
        int defaultPort = security == Security.TLS ? tlsPort : security == Security.STARTTLS ? starttlsPort : starttlsPort == 587 ? 25 : 143;
        int port = n.integer("port", 1, 65535).orElse(defaultPort);
        Optional<String> trust = n.string("ssl_trust");
        if (trust.isPresent() && trust.get().contains("*")) {
            n.get("ssl_trust").ifPresent(t -> t.error("trusting every certificate is refused: name the host with the self-signed"
                    + " certificate, or give ca_file: the PEM file of your private CA"));
            trust = Optional.empty();
        }
        Optional<Path> ca = n.path("ca_file");
        if (ca.isPresent()) {
            try {
                PrivateCa.read(ca.get());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                n.get("ca_file").ifPresent(c -> c.error("cannot read a CA certificate from " + ca.get() + ": " + e.getMessage()));
            }
        }
        List<String> keys = new ArrayList<>(List.of("host", "port", "security", "allow_insecure", "ssl_trust", "ca_file"));
        keys.addAll(moreKeys);
        n.rejectUnknownKeys(keys);
        return new ServerConfig(host, port, security, trust, ca);
    }

    private FolderConfig folders() {
        Optional<YamlNode> f = o.get("folders");
        String inbox = f.flatMap(n -> n.string("inbox")).orElse("INBOX");
        String processed = f.flatMap(n -> n.string("processed")).orElse("Meldingsvakt.Behandlet");
        String quarantine = f.flatMap(n -> n.string("quarantine")).orElse("Meldingsvakt.Karantene");
        String keyword = f.flatMap(n -> n.string("keyword")).orElse("$Meldingsvakt");
        if (!keyword.matches("[$A-Za-z][A-Za-z0-9_$-]*")) {
            f.flatMap(n -> n.get("keyword")).ifPresent(n -> n.error("an IMAP keyword is letters, digits, '_', '-' and '$' only"));
        }
        String mark = f.flatMap(n -> n.string("mark")).orElse("move");
        if (!mark.equals("move") && !mark.equals("keyword")) {
            f.flatMap(n -> n.get("mark")).ifPresent(n -> n.error("must be move or keyword, was '" + mark + "'"));
        }
        f.ifPresent(n -> n.rejectUnknownKeys(List.of("inbox", "processed", "quarantine", "keyword", "mark")));
        return new FolderConfig(inbox, processed, quarantine, keyword, mark.equals("keyword"));
    }

    private Map<String, RecipientList> lists() {
        Map<String, RecipientList> out = new LinkedHashMap<>();
        Optional<YamlNode> node = o.require("lists");
        if (node.isEmpty()) {
            return out;
        }
        if (!node.get().isMapping()) {
            node.get().error("must map list names to addresses");
            return out;
        }
        for (String name : node.get().keys()) {
            List<String> addrs = new ArrayList<>();
            List<YamlNode> entries = node.get().list(name);
            for (YamlNode a : entries) {
                if (a.isScalar()) {
                    String v = address(a, a.scalar().trim());
                    if (!v.isEmpty()) {
                        addrs.add(v);
                    }
                } else {
                    a.error("must be an e-mail address");
                }
            }
            if (entries.isEmpty()) {
                node.get().get(name).ifPresentOrElse(n -> n.error("list has no addresses"),
                        () -> errors.at(node.get().raw(), node.get().child(name), "list has no addresses"));
            }
            out.put(name, new RecipientList(name, List.copyOf(addrs)));
        }
        return out;
    }

    private List<Route> routes(Set<String> lists) {
        List<Route> out = new ArrayList<>();
        int i = 0;
        for (YamlNode r : o.list("routes")) {
            i++;
            if (!r.isMapping()) {
                r.error("each route must be a mapping with 'when' and 'then'");
                continue;
            }
            String name = r.string("name").orElse("route " + i);
            Set<Category> cats = EnumSet.noneOf(Category.class);
            Set<String> services = new LinkedHashSet<>();
            Set<String> domains = new LinkedHashSet<>();
            Optional<TimeOfDay> time = Optional.empty();
            Optional<YamlNode> when = r.get("when");
            if (when.isPresent()) {
                YamlNode w = when.get();
                for (YamlNode c : w.list("category")) {
                    Optional<Category> cat = c.isScalar() ? Category.fromId(c.scalar()) : Optional.empty();
                    if (cat.isEmpty()) {
                        c.error("unknown category '" + c.scalar() + "' (one of " + Category.ids() + ")");
                    } else {
                        cats.add(cat.get());
                    }
                }
                w.strings("service").forEach(s -> services.add(s.toLowerCase(Locale.ROOT)));
                w.strings("sender_domain").forEach(s -> domains.add(s.toLowerCase(Locale.ROOT).replaceFirst("^@", "")));
                time = w.string("time").flatMap(t -> {
                    switch (t.toLowerCase(Locale.ROOT).replace('-', '_')) {
                        case "business_hours": return Optional.of(TimeOfDay.BUSINESS_HOURS);
                        case "after_hours": return Optional.of(TimeOfDay.AFTER_HOURS);
                        default:
                            w.get("time").ifPresent(n -> n.error("must be business_hours or after_hours, was '" + t + "'"));
                            return Optional.empty();
                    }
                });
                w.rejectUnknownKeys(List.of("category", "service", "sender_domain", "time"));
            }
            if (!r.has("then")) {
                r.require("then");
            }
            List<String> targets = listRefs(r, "then", lists);
            r.rejectUnknownKeys(List.of("name", "when", "then"));
            out.add(new Route(name, Set.copyOf(cats), Set.copyOf(services), Set.copyOf(domains), time, List.copyOf(targets)));
        }
        return out;
    }

    /** The notice categories no route takes unconditionally (no service, sender or time condition). */
    private static List<String> uncovered(List<Route> routes) {
        List<String> out = new ArrayList<>();
        for (Category c : Category.values()) {
            boolean covered = c.kind() == Category.Kind.ROBOT || routes.stream().anyMatch(r -> (r.categories().isEmpty() || r.categories().contains(c))
                    && r.services().isEmpty() && r.senderDomains().isEmpty() && r.time().isEmpty() && !r.lists().isEmpty());
            if (!covered) {
                out.add(c.id());
            }
        }
        return out;
    }

    private List<String> listRefs(YamlNode parent, String key, Set<String> lists) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : parent.list(key)) {
            if (!n.isScalar()) {
                n.error("must name a list");
                continue;
            }
            String name = n.scalar().trim();
            if (!lists.contains(name)) {
                n.error("no list named '" + name + "' (defined: " + String.join(", ", lists) + ")");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private Map<Category, CategoryPolicy> policy() {
        Map<Category, CategoryPolicy> out = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            boolean receipt = c.receiptByDefault();
            out.put(c, new CategoryPolicy(receipt));
        }
        o.get("policy").ifPresent(p -> {
            for (String key : p.keys()) {
                Optional<Category> cat = Category.fromId(key);
                YamlNode n = p.get(key).orElse(null);
                if (cat.isEmpty()) {
                    if (n != null) {
                        n.error("unknown category (one of " + Category.ids() + ")");
                    }
                    continue;
                }
                if (n == null) {
                    continue;
                }
                boolean receipt = n.bool("receipt").orElse(out.get(cat.get()).receipt());
                if (receipt && !cat.get().receiptAllowed()) {
                    n.get("receipt").ifPresent(r -> r.error("the routine forbids receipts for " + cat.get().id()));
                    receipt = false;
                }
                n.rejectUnknownKeys(List.of("receipt"));
                out.put(cat.get(), new CategoryPolicy(receipt));
            }
        });
        return Map.copyOf(out);
    }

    private ReceiptLimit receiptLimit(YamlNode n) {
        int max = n.integer("max", 1, 1000).orElse(3);
        int minutes = n.integer("per_minutes", 1, 7 * 24 * 60).orElse(60);
        n.rejectUnknownKeys(List.of("max", "per_minutes"));
        return new ReceiptLimit(max, Duration.ofMinutes(minutes));
    }

    private BusinessHoursConfig hours(YamlNode n) {
        BusinessHoursConfig d = BusinessHoursConfig.standard();
        Set<DayOfWeek> days = n.has("days") ? days(n) : d.days();
        LocalTime start = n.string("start").map(s -> time(n, "start", s)).orElse(d.start());
        LocalTime end = n.string("end").map(s -> time(n, "end", s)).orElse(d.end());
        if (start != null && end != null && !end.isAfter(start)) {
            n.get("end").ifPresent(e -> e.error("must be after start"));
        }
        List<DateRule> closed = new ArrayList<>();
        for (YamlNode c : n.list("closed_days")) {
            Optional<DateRule> r = c.isScalar() ? DateRule.parse(c.scalar()) : Optional.empty();
            r.ifPresentOrElse(closed::add, () -> c.error("must be MM-DD, YYYY-MM-DD or easter±N"));
        }
        Map<DateRule, LocalTime> half = new LinkedHashMap<>();
        n.get("half_days").ifPresent(h -> {
            for (String day : h.keys()) {
                Optional<DateRule> r = DateRule.parse(day);
                Optional<LocalTime> closes = h.string(day).map(v -> time(h, day, v));
                if (r.isEmpty()) {
                    h.get(day).ifPresent(k -> k.error("'" + day + "' must be MM-DD, YYYY-MM-DD or easter±N"));
                } else if (closes.isPresent()) {
                    half.put(r.get(), closes.get());
                }
            }
        });
        n.rejectUnknownKeys(List.of("days", "start", "end", "closed_days", "half_days"));
        return new BusinessHoursConfig(days, start == null ? d.start() : start, end == null ? d.end() : end, List.copyOf(closed),
                java.util.Collections.unmodifiableMap(half));
    }

    private Set<DayOfWeek> days(YamlNode n) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (YamlNode item : n.list("days")) {
            String v = item.scalar() == null ? "" : item.scalar().trim().toLowerCase(Locale.ROOT);
            String[] range = v.split("-");
            Optional<DayOfWeek> a = day(range[0]);
            Optional<DayOfWeek> b = range.length == 2 ? day(range[1]) : a;
            if (a.isEmpty() || b.isEmpty() || range.length > 2) {
                item.error("days are mon, tue, wed, thu, fri, sat, sun or a range like mon-fri");
                continue;
            }
            for (int d = a.get().getValue(); d <= b.get().getValue(); d++) {
                out.add(DayOfWeek.of(d));
            }
        }
        return out;
    }

    private static Optional<DayOfWeek> day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (s.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(s)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static LocalTime time(YamlNode n, String key, String v) {
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            n.get(key).ifPresent(t -> t.error("must be a time like 08:00, was '" + v + "'"));
            return null;
        }
    }

    static String address(YamlNode n, String value) {
        try {
            InternetAddress a = new InternetAddress(value, true);
            if (a.getAddress().indexOf('@') < 1 || a.getPersonal() != null) {
                throw new AddressException("needs local@domain");
            }
            return a.getAddress();
        } catch (AddressException e) {
            n.error("'" + value + "' is not a valid e-mail address");
            return "";
        }
    }
}
