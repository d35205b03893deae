package no.meldingsvakt.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads {@code console:}: where it listens, its accounts, the proxy it may trust and the metrics token. */
final class ConsoleReader {
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");

    private ConsoleReader() {}

    static ConsoleConfig read(YamlNode n, Function<String, String> env, Set<String> orgIds) {
        String host = n.string("listen").orElse("127.0.0.1");
        int port = n.integer("port", 0, 65535).orElse(ConsoleConfig.DEFAULT_PORT);
        Optional<String> publicUrl = n.string("public_url");
        publicUrl.filter(u -> !u.startsWith("https://") && !u.startsWith("http://"))
                .ifPresent(u -> n.get("public_url").ifPresent(x -> x.error("must start with https:// (or http:// on loopback)")));
        Optional<ConsoleConfig.ProxyAuth> proxy = n.get("proxy_auth").map(p -> {
            String header = p.requireString("header").orElse("X-Remote-User");
            List<String> from = p.strings("from");
            if (from.isEmpty()) {
                p.error("from: list the reverse proxy's IP addresses; a user header from anywhere else is refused");
            }
            p.rejectUnknownKeys(List.of("header", "from"));
            return new ConsoleConfig.ProxyAuth(header, from);
        });
        List<ConsoleUser> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode u : n.list("users")) {
            Optional<String> name = u.requireString("name");
            Optional<String> hash = proxy.isPresent() ? u.string("password_hash") : u.requireString("password_hash");
            String role = u.string("role").orElse("staff").toLowerCase(Locale.ROOT);
            if (!role.equals("staff") && !role.equals("admin")) {
                u.get("role").ifPresent(x -> x.error("must be staff or admin"));
            }
            List<String> orgs = u.strings("organisations");
            for (String o : orgs) {
                if (!orgIds.contains(o)) {
                    u.get("organisations").ifPresent(x -> x.error("no organisation has id '" + o + "'"));
                }
            }
            name.filter(x -> !NAME.matcher(x).matches()).ifPresent(x -> u.get("name").ifPresent(y -> y.error("letters, digits and . _ @ - only")));
            name.filter(x -> !names.add(x)).ifPresent(x -> u.get("name").ifPresent(y -> y.error("user '" + x + "' is listed twice")));
            hash.filter(h -> !BCRYPT.matcher(h).matches()).ifPresent(h -> u.get("password_hash")
                    .ifPresent(x -> x.error("must be a BCrypt hash made by `meldingsvakt hash-password` (never the password itself)")));
            u.rejectUnknownKeys(List.of("name", "password_hash", "role", "organisations"));
            if (name.isPresent() && (hash.isPresent() || proxy.isPresent())) {
                users.add(new ConsoleUser(name.get(), hash, role.equals("admin") ? ConsoleUser.Role.ADMIN : ConsoleUser.Role.STAFF, orgs));
            }
        }
        Optional<Secret> token = SecretReader.read(n, "metrics_token_env", "metrics_token_file", env, false);
        n.rejectUnknownKeys(List.of("listen", "port", "public_url", "users", "proxy_auth", "metrics_token_env", "metrics_token_file"));
        return new ConsoleConfig(host, port, publicUrl, users, proxy, token, false);
    }
}
