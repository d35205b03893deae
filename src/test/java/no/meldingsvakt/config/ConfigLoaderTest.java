package no.meldingsvakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.meldingsvakt.classify.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final ConfigLoader LOADER = ConfigLoader.withEnvironment(Map.of("ORKLAND_MAIL_PASSWORD", "hemmelig", "PW", "pw")::get);
    static final String VALID = """
            organisations:
              - id: org
                address: meldingsansvarlig@org.test
                password_env: PW
                imap: {host: imap.org.test}
                smtp: {host: smtp.org.test, security: starttls}
                lists: {drift: [drift@org.test]}
                fallback_lists: [drift]
                trust: none
            """;

    @Test
    void the_documented_example_config_is_valid() throws Exception {
        AppConfig c = LOADER.load(Path.of("config.example.yaml"));
        OrganisationConfig o = c.organisations().get(0);
        assertThat(o.address()).isEqualTo("meldingsansvarlig@orkland.kommune.no");
        assertThat(o.routes()).hasSize(5);
        assertThat(o.receiptFor(Category.PLANNED)).isFalse();
        assertThat(o.receiptFor(Category.ERROR)).isTrue();
        assertThat(o.smtp().port()).isEqualTo(587);
    }

    @Test
    void defaults_fill_what_an_administrator_leaves_out() throws Exception {
        AppConfig c = LOADER.parse(Path.of("m.yaml"), VALID);
        OrganisationConfig o = c.organisations().get(0);
        assertThat(c.storePath()).as("relative to the config file's directory").isEqualTo(Path.of("data", "meldingsvakt.db").toAbsolutePath());
        assertThat(o.imap().port()).isEqualTo(993);
        assertThat(o.smtp().port()).isEqualTo(587);
        assertThat(o.user()).isEqualTo("meldingsansvarlig@org.test");
        assertThat(o.folders().inbox()).isEqualTo("INBOX");
        assertThat(o.receiptLimit().max()).isEqualTo(3);
    }

    @Test
    void a_freeze_period_with_a_date_nobody_can_read_is_refused_by_line_and_key() {
        String yaml = VALID + "    checks:\n      freeze_periods:\n        - {name: sommer, from: 20.06, to: \"08-16\"}\n";
        assertThat(errors(yaml)).containsExactly(
                "m.yaml:12:32: organisations[0].checks.freeze_periods[0].from: must be MM-DD, YYYY-MM-DD or easter±N, was '20.06'");
    }

    @Test
    void services_vocabulary_reaches_every_organisation() throws Exception {
        AppConfig c = LOADER.parse(Path.of("m.yaml"), "services:\n  PLO: [hjemmetjeneste]\n" + VALID);
        assertThat(c.organisations().get(0).checks().services()).containsEntry("PLO", List.of("hjemmetjeneste"));
        assertThat(no.meldingsvakt.classify.ServiceDetector.detect("Hjemmetjenesten får ikke meldinger", c.organisations().get(0).checks().services()))
                .containsExactly("PLO");
    }

    @Test
    void case_deadlines_merge_over_the_default_and_name_bad_values_by_line() throws Exception {
        String cases = """
                    cases:
                      reply_cc: [e-komp@ks.test, "meldingsansvarlig@{sender_domain}"]
                      deadlines:
                        default: {reply_within: 2 business days, escalate_after: 1 business day, escalate_to: [drift]}
                        error: {reply_within: 2 business hours}
                        unknown: none
                """;
        OrganisationConfig o = LOADER.parse(Path.of("m.yaml"), VALID + cases).organisations().get(0);
        assertThat(o.cases().deadline(Category.ERROR).orElseThrow().replyWithin().toString()).isEqualTo("2 business hours");
        assertThat(o.cases().deadline(Category.ERROR).orElseThrow().escalateTo()).containsExactly("drift");
        assertThat(o.cases().deadline(Category.MISSING_RECEIPT).orElseThrow().replyWithin().toString()).isEqualTo("2 business days");
        assertThat(o.cases().deadline(Category.UNKNOWN)).isEmpty();
        assertThat(o.cases().deadline(Category.PLANNED)).isEmpty();
        assertThat(o.cases().replyCc()).containsExactly("e-komp@ks.test", "meldingsansvarlig@{sender_domain}");

        String broken = VALID + """
                    cases:
                      deadlines:
                        planned: {reply_within: 1 business day}
                        error: {reply_within: soon, escalate_to: [styret]}
                """;
        assertThat(errors(broken)).containsExactly(
                "m.yaml:12:18: organisations[0].cases.deadlines.planned: deadlines are for [error, important-info, missing-receipt, unknown] or default"
                        + " (planned downtime is never answered; see cases.planned)",
                "m.yaml:13:31: organisations[0].cases.deadlines.error.reply_within: must look like \"1 business day\", \"2 business hours\" or"
                        + " \"30 business minutes\", was 'soon'",
                "m.yaml:13:51: organisations[0].cases.deadlines.error.escalate_to[0]: no list named 'styret' (defined: drift)");
    }

    @Test
    void report_to_names_lists_and_keeps_a_years_history() throws Exception {
        assertThat(LOADER.parse(Path.of("m.yaml"), VALID + "    report_to: [drift]\n").organisations().get(0).reportTo()).containsExactly("drift");
        assertThat(errors(VALID + "    report_to: [ledelse]\n"))
                .containsExactly("m.yaml:10:16: organisations[0].report_to: no list named 'ledelse' (defined: drift)");
        assertThat(errors("store: {retention: 90d}\n" + VALID + "    report_to: [drift]\n")).singleElement().asString()
                .contains("m.yaml:1:20: store.retention: keep at least 395d when a report_to is set");
        assertThat(LOADER.parse(Path.of("m.yaml"), "store: {retention: 90d}\n" + VALID).retention()).as("no report: 90 days is fine")
                .hasDays(90);
    }

    @Test
    void unknown_key_is_refused_with_line_column_and_path() {
        String yaml = VALID.replace("imap: {host: imap.org.test}", "imap: {hots: imap.org.test}");
        assertThat(errors(yaml)).containsExactly("m.yaml:5:12: organisations[0].imap.hots: unknown key: did you mean host?");
        assertThat(errors(VALID.replace("imap: {host: imap.org.test}", "imap: {host: imap.org.test, nonsense: 1}"))).containsExactly(
                "m.yaml:5:33: organisations[0].imap.nonsense: unknown key (known keys: host, port, security, allow_insecure, ssl_trust, ca_file)");
    }

    @Test
    void route_naming_a_missing_list_is_refused() {
        String yaml = VALID + """
                    routes:
                      - when: {category: planned}
                        then: [pleie]
                """;
        assertThat(errors(yaml)).containsExactly("m.yaml:12:16: organisations[0].routes[0].then[0]: no list named 'pleie' (defined: drift)");
    }

    @Test
    void bad_address_missing_key_and_unknown_category_are_all_reported_at_once() {
        String yaml = VALID.replace("drift: [drift@org.test]", "drift: [drift@@org]")
                .replace("    address: meldingsansvarlig@org.test\n", "")
                + "    routes:\n      - when: {category: plannned}\n        then: drift\n";
        assertThat(errors(yaml)).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("organisations[0].address: missing required key"))
                .anySatisfy(e -> assertThat(e).contains("lists.drift[0]: 'drift@@org' is not a valid e-mail address"))
                .anySatisfy(e -> assertThat(e).contains("routes[0].when.category: unknown category 'plannned'"));
    }

    @Test
    void plain_transport_needs_allow_insecure() {
        assertThat(errors(VALID.replace("imap: {host: imap.org.test}", "imap: {host: imap.org.test, security: plain}")))
                .singleElement().asString().contains("organisations[0].imap.security: plain sends the password unencrypted");
    }

    @Test
    void a_password_in_the_file_is_refused() {
        assertThat(errors(VALID.replace("password_env: PW", "password_env: PW\n    password: hunter2")))
                .anySatisfy(e -> assertThat(e).contains("organisations[0].password: secrets never sit in the file"));
    }

    @Test
    void missing_environment_variable_is_named() {
        assertThat(errors(VALID.replace("password_env: PW", "password_env: NOT_SET")))
                .containsExactly("m.yaml:4:19: organisations[0].password_env: environment variable NOT_SET is not set");
    }

    @Test
    void oauth2_for_microsoft_derives_token_url_and_scope() throws Exception {
        AppConfig c = LOADER.parse(Path.of("m.yaml"), VALID.replace("password_env: PW",
                "auth: {type: oauth2, provider: microsoft, tenant: contoso.onmicrosoft.com, client_id: abc, client_secret_env: PW}"));
        AuthConfig.OAuth2 a = (AuthConfig.OAuth2) c.organisations().get(0).auth();
        assertThat(a.tokenUrl()).hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(a.scope()).isEqualTo("https://outlook.office365.com/.default");
        assertThat(a.clientSecret().orElseThrow().toString()).doesNotContain("pw");
    }

    @Test
    void oauth2_mistakes_are_named() {
        assertThat(errors(VALID.replace("password_env: PW", "auth: {type: oauth2, provider: microsft, client_id: abc}")))
                .anySatisfy(e -> assertThat(e).contains("auth.provider: must be microsoft, google or generic"))
                .anySatisfy(e -> assertThat(e).contains("auth: missing client_secret_env (or client_secret_file)"));
        assertThat(errors(VALID.replace("password_env: PW", "password_env: PW\n    auth: {type: oauth2, provider: generic, client_id: a, client_secret_env: PW}")))
                .anySatisfy(e -> assertThat(e).contains("organisations[0].auth.token_url: missing required key"))
                .anySatisfy(e -> assertThat(e).contains("password_env: with auth type oauth2 the client secret goes under auth"));
    }

    @Test
    void trusting_every_certificate_an_unreadable_ca_file_and_a_plain_http_token_url_are_refused(@TempDir Path dir) throws Exception {
        assertThat(errors(VALID.replace("imap: {host: imap.org.test}", "imap: {host: imap.org.test, ssl_trust: '*'}")))
                .singleElement().asString().contains("imap.ssl_trust: trusting every certificate is refused");
        Path junk = dir.resolve("ca.pem");
        Files.writeString(junk, "not a certificate");
        assertThat(errors(VALID.replace("imap: {host: imap.org.test}", "imap: {host: imap.org.test, ca_file: '" + junk + "'}")))
                .singleElement().asString().contains("imap.ca_file: cannot read a CA certificate from " + junk);
        String generic = "auth: {type: oauth2, provider: generic, client_id: a, client_secret_env: PW, token_url: '%s'}";
        assertThat(errors(VALID.replace("password_env: PW", generic.formatted("http://idp.example.test/token"))))
                .singleElement().asString().contains("auth.token_url: must be an https URL");
        assertThat(LOADER.parse(Path.of("m.yaml"), VALID.replace("password_env: PW", generic.formatted("http://127.0.0.1:8080/token")))
                .organisations()).as("loopback, for a test token endpoint").hasSize(1);
    }

    @Test
    void fallback_lists_are_needed_only_where_a_notice_could_reach_nobody() throws Exception {
        String covered = VALID.replace("    fallback_lists: [drift]\n", "    routes: [{when: {category: [planned, error, missing-receipt,"
                + " important-info, address-register, unknown]}, then: [drift]}]\n    admin_list: drift\n");
        assertThat(LOADER.parse(Path.of("m.yaml"), covered).organisations().get(0).fallbackLists()).isEmpty();
        assertThat(errors(covered.replace("unknown]}", "unknown], service: PLO}"))).singleElement().asString()
                .contains("fallback_lists: missing required key: no route takes every notice of planned, error, missing-receipt,"
                        + " important-info, address-register, unknown whatever its service");
        assertThat(errors(covered.replace("    admin_list: drift\n", ""))).singleElement().asString()
                .contains("without admin_list, reports and alerts go to the fallback lists");
    }

    @Test
    void trust_names_the_authserv_ids_or_says_none_explicitly() throws Exception {
        AppConfig c = LOADER.parse(Path.of("m.yaml"), VALID.replace("trust: none",
                "trust: {authserv_ids: [MX.Org.Test], require: aligned}\n    own_domains: [org.test, helse.org.test]"));
        TrustConfig t = c.organisations().get(0).trust();
        assertThat(t.verification().orElseThrow().authservIds()).containsExactly("mx.org.test");
        assertThat(t.verification().orElseThrow().require()).isEqualTo(TrustConfig.Require.ALIGNED);
        assertThat(t.ownDomain("ivar@avd.helse.org.test")).isTrue();
        assertThat(t.ownDomain("ivar@evilorg.test")).isFalse();
        assertThat(errors(VALID.replace("trust: none", "trust: {}"))).singleElement().asString()
                .contains("organisations[0].trust: name the authserv_ids of your own receiving servers");
        assertThat(errors(VALID.replace("trust: none", "trust: yes"))).singleElement().asString().contains("must be none or a mapping");
    }

    @Test
    void password_file_is_read_and_never_printed(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "s3cret\n");
        AppConfig c = LOADER.parse(Path.of("m.yaml"), VALID.replace("password_env: PW", "password_file: " + secret));
        Secret s = ((AuthConfig.Password) c.organisations().get(0).auth()).password();
        assertThat(s.reveal()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void broken_yaml_syntax_names_the_line() {
        assertThat(errors("organisations:\n  - id: [unclosed\n")).singleElement().asString()
                .startsWith("m.yaml:3:1: not valid YAML");
    }

    @Test
    void planned_downtime_can_never_be_given_a_receipt() {
        assertThat(errors(VALID + "    policy: {planned: {receipt: true}}\n")).singleElement().asString()
                .contains("organisations[0].policy.planned.receipt: the routine forbids receipts for planned");
    }

    private static List<String> errors(String yaml) {
        try {
            LOADER.parse(Path.of("m.yaml"), yaml);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("config was accepted");
    }

    @Test
    void errors_helper_fails_on_valid_config() {
        assertThatThrownBy(() -> errors(VALID)).isInstanceOf(AssertionError.class);
    }
}
