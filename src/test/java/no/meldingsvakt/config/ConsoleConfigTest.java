package no.meldingsvakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code console:} section: accounts with hashes only, known organisations, a proxy that names its addresses. */
class ConsoleConfigTest {
    private static final ConfigLoader LOADER = ConfigLoader.withEnvironment(Map.of("PW", "pw", "MV_METRICS", "token-1")::get);
    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuN6uQ8lFJ1N8CwVuT7HnJ0c8F6a5D4tW";
    private static final String ORG = ConfigLoaderTest.VALID;

    @Test
    void no_console_section_means_no_console() throws Exception {
        assertThat(LOADER.parse(Path.of("m.yaml"), ORG).console()).isEmpty();
    }

    @Test
    void a_console_with_users_roles_scope_and_a_metrics_token() throws Exception {
        ConsoleConfig c = LOADER.parse(Path.of("m.yaml"), ORG + """
                console:
                  port: 9090
                  public_url: https://mv.org.test/
                  metrics_token_env: MV_METRICS
                  users:
                    - {name: kari, password_hash: "%s", role: admin}
                    - {name: ola, password_hash: "%s", organisations: [org]}
                """.formatted(HASH, HASH)).console().orElseThrow();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.secureCookies()).isTrue();
        assertThat(c.baseUrl(9090)).isEqualTo("https://mv.org.test");
        assertThat(c.user("kari").orElseThrow().admin()).isTrue();
        assertThat(c.user("ola").orElseThrow().role()).isEqualTo(ConsoleUser.Role.STAFF);
        assertThat(c.user("ola").orElseThrow().sees("org")).isTrue();
        assertThat(c.user("ola").orElseThrow().sees("other")).isFalse();
        assertThat(c.metricsToken().orElseThrow().reveal()).isEqualTo("token-1");
        assertThat(c.users().toString()).doesNotContain(HASH);
    }

    @Test
    void a_password_instead_of_a_hash_an_unknown_organisation_and_a_bad_role_are_named_by_line() {
        List<String> errors = errors(ORG + """
                console:
                  users:
                    - {name: kari, password_hash: hemmelig123, role: boss}
                    - {name: kari, password_hash: "%s", organisations: [nowhere]}
                  listn: 0.0.0.0
                """.formatted(HASH));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("m.yaml:12:").contains("console.users[0].password_hash: must be a BCrypt hash"))
                .anySatisfy(e -> assertThat(e).contains("console.users[0].role: must be staff or admin"))
                .anySatisfy(e -> assertThat(e).contains("console.users[1].organisations: no organisation has id 'nowhere'"))
                .anySatisfy(e -> assertThat(e).contains("console.users[1].name: user 'kari' is listed twice"))
                .anySatisfy(e -> assertThat(e).contains("console.listn: unknown key: did you mean listen?"));
    }

    @Test
    void a_proxy_must_name_its_addresses_and_then_users_need_no_hash() throws Exception {
        assertThat(errors(ORG + "console:\n  proxy_auth: {header: X-Remote-User}\n  users: [{name: kari}]\n"))
                .anySatisfy(e -> assertThat(e).contains("console.proxy_auth: from: list the reverse proxy's IP addresses"));
        ConsoleConfig c = LOADER.parse(Path.of("m.yaml"), ORG + "console:\n  proxy_auth: {header: X-Remote-User, from: [127.0.0.1]}\n"
                + "  users: [{name: kari, role: admin}]\n").console().orElseThrow();
        assertThat(c.user("kari").orElseThrow().passwordHash()).isEmpty();
        assertThat(c.proxy().orElseThrow().from()).containsExactly("127.0.0.1");
    }

    private static List<String> errors(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> LOADER.parse(Path.of("m.yaml"), yaml));
        assertThat(e).as("config should be refused").isNotNull();
        return e.errors().stream().map(ConfigError::toString).toList();
    }
}
