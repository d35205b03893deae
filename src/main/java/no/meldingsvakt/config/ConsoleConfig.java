package no.meldingsvakt.config;

import java.util.List;
import java.util.Optional;

/**
 * The operator's console and the machine endpoints ({@code console:}). Absent from the YAML, the
 * service opens no port. {@code publicUrl} is what links in mails and the calendar feed point at;
 * when it is https, session cookies are marked Secure.
 */
public record ConsoleConfig(String host, int port, Optional<String> publicUrl, List<ConsoleUser> users, Optional<ProxyAuth> proxy,
        Optional<Secret> metricsToken, boolean openMetrics) {
    public static final int DEFAULT_PORT = 8080;

    public ConsoleConfig {
        users = List.copyOf(users);
    }

    public boolean secureCookies() {
        return publicUrl.map(u -> u.startsWith("https://")).orElse(false);
    }

    /** The base of links to the console: the public URL, else the address it listens on. */
    public String baseUrl(int boundPort) {
        return publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("http://" + host + ":" + boundPort);
    }

    public Optional<ConsoleUser> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** Same console, another port and user list: the demo's. */
    public ConsoleConfig with(int port, List<ConsoleUser> users, boolean openMetrics) {
        return new ConsoleConfig(host, port, publicUrl, users, proxy, metricsToken, openMetrics);
    }

    /**
     * Single sign-on in front: a reverse proxy at one of {@code from} (IP addresses) has
     * authenticated the user and names it in {@code header}. Requests from anywhere else that carry
     * the header are refused.
     */
    public record ProxyAuth(String header, List<String> from) {}
}
