package no.meldingsvakt.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a config file into an {@link AppConfig}. Collects every error it can find before giving
 * up, so an administrator fixes the file in one round.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_STORE = Path.of("data", "meldingsvakt.db");
    static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

    private final Function<String, String> env;
    private final List<ConfigError> warnings = new ArrayList<>();

    private ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * For commands that only read the store ({@code status}): secrets are not looked up, so the
     * administrator's shell needs none of them. Such a config must not be used to connect.
     */
    public static ConfigLoader withoutSecrets() {
        return new ConfigLoader(SecretReader.NOT_RESOLVED);
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /**
     * For {@code check-config} without {@code --connect}: the structure is checked and secrets are
     * looked up, but a secret that is not there (a CI runner, a machine without the environment
     * file) is a warning in {@link #warnings()}, not an error.
     */
    public static ConfigLoader forChecking() {
        return new ConfigLoader(new SecretReader.Lenient(System::getenv));
    }

    /** The warnings of the last load or parse. */
    public List<ConfigError> warnings() {
        return List.copyOf(warnings);
    }

    /** For tests and the demo: secrets looked up in the given function instead of the process environment. */
    public static ConfigLoader withEnvironment(Function<String, String> env) {
        return new ConfigLoader(env);
    }

    public AppConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "", "cannot read file: " + e.getMessage())));
        }
        return parse(file, text);
    }

    public AppConfig parse(Path file, String text) throws ConfigException {
        YamlNode.ErrorSink errors = new YamlNode.ErrorSink(file.toString());
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            throw new ConfigException(List.of(new ConfigError(file.toString(), line, col, "", YamlProblems.plain(e.getProblem()))));
        } catch (YamlEngineException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (root == null) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 1, 1, "", "the file is empty")));
        }
        YamlNode top = new YamlNode(root, "", errors);
        if (!top.isMapping()) {
            top.error("the top level must be a mapping with 'store' and 'organisations'");
            throw new ConfigException(errors.errors());
        }
        Optional<YamlNode> storeNode = top.get("store");
        Path store = storeNode.flatMap(s -> s.path("path")).orElse(errors.baseDir().resolve(DEFAULT_STORE));
        java.time.Duration retention = storeNode.flatMap(s -> s.duration("retention")).orElse(AppConfig.DEFAULT_RETENTION);
        if (retention.compareTo(java.time.Duration.ofDays(31)) < 0) {
            storeNode.flatMap(s -> s.get("retention")).ifPresent(n -> n.error("keep at least 31d: cases and the audit must outlive a month's report"));
        }
        Optional<PostgresConfig> postgres = storeNode.flatMap(s -> postgres(s, env, errors.baseDir()));
        storeNode.ifPresent(s -> s.rejectUnknownKeys(List.of("path", "retention", "url", "user", "password_env", "password_file", "pool", "journal")));
        Optional<YamlNode> limits = top.get("limits");
        java.time.Duration deadline = limits.flatMap(l -> l.duration("message_deadline")).orElse(AppConfig.DEFAULT_MESSAGE_DEADLINE);
        if (deadline.compareTo(java.time.Duration.ofSeconds(5)) < 0 || deadline.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
            limits.flatMap(l -> l.get("message_deadline")).ifPresent(n -> n.error("must be between 5s and 10m"));
        }
        limits.ifPresent(l -> l.rejectUnknownKeys(List.of("message_deadline")));
        Optional<YamlNode> logging = top.get("logging");
        String logFormat = logging.flatMap(l -> l.string("format")).orElse("text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            logging.flatMap(l -> l.get("format")).ifPresent(n -> n.error("must be text or json"));
        }
        logging.ifPresent(l -> l.rejectUnknownKeys(List.of("format")));
        Optional<Path> templates = top.path("templates_dir");
        HealthConfig health = top.get("health").map(ConfigLoader::health).orElse(HealthConfig.defaults());
        Optional<FallbackSmtp> fallback = top.get("fallback_smtp").map(n -> fallbackSmtp(n, env));
        Map<String, List<String>> services = ChecksReader.services(top.get("services"));
        List<OrganisationConfig> orgs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        List<YamlNode> orgNodes = top.require("organisations").map(YamlNode::items).orElse(List.of());
        if (top.has("organisations") && orgNodes.isEmpty()) {
            top.get("organisations").ifPresent(n -> n.error("must list at least one organisation"));
        }
        for (YamlNode o : orgNodes) {
            OrganisationConfig org = new OrganisationReader(o, errors, env, services).read();
            if (org != null) {
                if (!ids.add(org.id())) {
                    o.get("id").ifPresent(n -> n.error("organisation id '" + org.id() + "' is used twice"));
                }
                if (!addresses.add(org.address().toLowerCase(Locale.ROOT))) {
                    o.get("address").ifPresent(n -> n.error("address " + org.address() + " is watched twice"));
                }
                orgs.add(org);
            }
        }
        Optional<ConsoleConfig> console = top.get("console").map(n -> ConsoleReader.read(n, env, ids));
        if (orgs.stream().anyMatch(o -> !o.reportTo().isEmpty()) && retention.compareTo(AppConfig.REPORT_RETENTION) < 0) {
            storeNode.flatMap(s -> s.get("retention")).ifPresent(n -> n.error("keep at least " + AppConfig.REPORT_RETENTION.toDays()
                    + "d when a report_to is set: the monthly report's chart reads 12 months back"));
        }
        top.rejectUnknownKeys(List.of("store", "templates_dir", "health", "fallback_smtp", "services", "organisations", "limits", "logging",
                "console"));
        warnings.clear();
        warnings.addAll(errors.warnings());
        if (!errors.errors().isEmpty()) {
            throw new ConfigException(errors.errors());
        }
        return new AppConfig(file, store, templates, health, fallback, List.copyOf(orgs), retention, deadline, logFormat, postgres, console);
    }

    private static HealthConfig health(YamlNode n) {
        HealthConfig d = HealthConfig.defaults();
        HealthConfig h = new HealthConfig(n.duration("check_every").orElse(d.checkEvery()), n.duration("unwatched_after").orElse(d.unwatchedAfter()),
                n.duration("undeliverable_after").orElse(d.undeliverableAfter()), n.integer("auth_failures", 1, 100).orElse(d.authFailures()),
                n.duration("repeat_after").orElse(d.repeatAfter()), n.duration("repeat_max").orElse(d.repeatMax()));
        n.rejectUnknownKeys(List.of("check_every", "unwatched_after", "undeliverable_after", "auth_failures", "repeat_after", "repeat_max"));
        return h;
    }

    private static FallbackSmtp fallbackSmtp(YamlNode n, Function<String, String> env) {
        String user = n.requireString("user").orElse("");
        Optional<Secret> password = SecretReader.read(n, "password_env", "password_file", env, true);
        String from = n.requireString("from").map(a -> OrganisationReader.address(n.get("from").orElseThrow(), a)).orElse("");
        ServerConfig server = OrganisationReader.server(n, 465, 587, List.of("user", "password_env", "password_file", "from"));
        return password.map(p -> new FallbackSmtp(server, user, p, from)).orElse(null);
    }

    /** {@code store.url}: a PostgreSQL store shared by several instances, instead of the SQLite file. */
    private static Optional<PostgresConfig> postgres(YamlNode store, Function<String, String> env, Path baseDir) {
        if (!store.has("url")) {
            for (String key : List.of("user", "password_env", "password_file", "pool", "journal")) {
                store.get(key).ifPresent(n -> n.error("only for a PostgreSQL store: give store.url too"));
            }
            return Optional.empty();
        }
        if (store.has("path")) {
            store.get("path").ifPresent(n -> n.error("give path (SQLite) or url (PostgreSQL), not both"));
        }
        Optional<String> url = store.requireString("url");
        url.filter(u -> !u.startsWith("jdbc:postgresql://")).ifPresent(u -> store.get("url")
                .ifPresent(n -> n.error("must be a jdbc:postgresql://host:port/database URL")));
        Optional<String> user = store.requireString("user");
        Optional<Secret> password = SecretReader.read(store, "password_env", "password_file", env, true);
        int pool = store.integer("pool", 2, 100).orElse(10);
        String stateDir = env.apply("STATE_DIRECTORY");
        Path journal = store.path("journal").orElse((stateDir == null || stateDir.isBlank() ? baseDir : Path.of(stateDir.split(":")[0]))
                .resolve("meldingsvakt-sent.journal"));
        if (url.isEmpty() || user.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PostgresConfig(url.get(), user.get(), password.get(), pool, journal));
    }
}
