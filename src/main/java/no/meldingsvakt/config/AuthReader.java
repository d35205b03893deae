package no.meldingsvakt.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reads an organisation's credentials: {@code password_env}/{@code password_file}, or an {@code auth: {type: oauth2, …}} block. */
final class AuthReader {
    private AuthReader() {}

    static AuthConfig read(YamlNode org, Function<String, String> env) {
        Optional<YamlNode> auth = org.get("auth");
        String type = auth.flatMap(a -> a.string("type")).orElse("password").toLowerCase(Locale.ROOT);
        if (org.has("password")) {
            org.get("password").ifPresent(n -> n.error("secrets never sit in the file: use password_env or password_file"));
        }
        if (type.equals("password")) {
            auth.ifPresent(a -> a.rejectUnknownKeys(List.of("type")));
            return SecretReader.read(org, "password_env", "password_file", env, true).map(AuthConfig.Password::new).orElse(null);
        }
        if (!type.equals("oauth2")) {
            auth.flatMap(a -> a.get("type")).ifPresent(n -> n.error("must be password or oauth2, was '" + type + "'"));
            return null;
        }
        if (org.has("password_env") || org.has("password_file")) {
            org.get(org.has("password_env") ? "password_env" : "password_file")
                    .ifPresent(n -> n.error("with auth type oauth2 the client secret goes under auth, not a password here"));
        }
        return oauth2(auth.get(), env);
    }

    private static AuthConfig oauth2(YamlNode a, Function<String, String> env) {
        String p = a.requireString("provider").orElse("generic").toLowerCase(Locale.ROOT);
        AuthConfig.Provider provider;
        switch (p) {
            case "microsoft": provider = AuthConfig.Provider.MICROSOFT; break;
            case "google": provider = AuthConfig.Provider.GOOGLE; break;
            case "generic": provider = AuthConfig.Provider.GENERIC; break;
            default:
                a.get("provider").ifPresent(n -> n.error("must be microsoft, google or generic, was '" + p + "'"));
                provider = AuthConfig.Provider.GENERIC;
        }
        Optional<String> tenant = a.string("tenant");
        String clientId = provider == AuthConfig.Provider.GOOGLE ? a.string("client_id").orElse("") : a.requireString("client_id").orElse("");
        Optional<Path> certificate = a.path("certificate");
        certificate.ifPresent(c -> {
            if (!Files.isReadable(c)) {
                a.get("certificate").ifPresent(n -> n.error("cannot read " + c));
            }
        });
        Optional<Secret> secret = SecretReader.read(a, "client_secret_env", "client_secret_file", env, certificate.isEmpty());
        if (certificate.isPresent() && secret.isPresent()) {
            a.get("certificate").ifPresent(n -> n.error("give a client secret or a certificate, not both"));
        }
        if (certificate.isPresent() && provider != AuthConfig.Provider.MICROSOFT) {
            a.get("certificate").ifPresent(n -> n.error("certificate login is for provider microsoft"));
        }
        Optional<String> url = a.string("token_url");
        URI tokenUrl = null;
        switch (provider) {
            case MICROSOFT:
                if (tenant.isEmpty() && url.isEmpty()) {
                    a.require("tenant");
                }
                tokenUrl = URI.create(url.orElse("https://login.microsoftonline.com/" + tenant.orElse("-") + "/oauth2/v2.0/token"));
                break;
            case GOOGLE:
                tokenUrl = URI.create(url.orElse("https://oauth2.googleapis.com/token"));
                break;
            default:
                tokenUrl = url.map(URI::create).orElse(null);
                if (url.isEmpty()) {
                    a.require("token_url");
                }
        }
        if (tokenUrl != null && !secure(tokenUrl)) {
            a.get("token_url").ifPresent(n -> n.error("must be an https URL (the client secret travels in it); plain http only to loopback"));
        }
        String scope = a.string("scope").orElse(switch (provider) {
            case MICROSOFT -> "https://outlook.office365.com/.default";
            case GOOGLE -> "https://mail.google.com/";
            case GENERIC -> "";
        });
        a.rejectUnknownKeys(List.of("type", "provider", "tenant", "client_id", "client_secret_env", "client_secret_file",
                "certificate", "token_url", "scope"));
        return new AuthConfig.OAuth2(provider, tenant, clientId, secret, certificate, tokenUrl, scope);
    }

    /** https, or http to this machine only (a test token endpoint). */
    static boolean secure(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https")) {
            return url.getHost() != null;
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("http") && (host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127."));
    }
}
