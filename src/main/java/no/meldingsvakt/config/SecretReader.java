package no.meldingsvakt.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Reads a secret named by an {@code …_env} or {@code …_file} key: exactly one of them, never the value itself. */
final class SecretReader {
    /** Marks a loader that must not read secrets: every secret becomes an empty placeholder. */
    static final Function<String, String> NOT_RESOLVED = name -> "";

    private SecretReader() {}

    /** The environment for check-config: a secret it cannot find is warned about, not refused. */
    static final class Lenient implements Function<String, String> {
        private final Function<String, String> env;

        Lenient(Function<String, String> env) {
            this.env = env;
        }

        @Override
        public String apply(String name) {
            return env.apply(name);
        }
    }

    private static Optional<Secret> missing(YamlNode parent, String key, String problem, Function<String, String> env) {
        if (env instanceof Lenient) {
            parent.get(key).ifPresent(n -> n.warn(problem + " here; run and check-config --connect need it"));
            return Optional.of(Secret.of("missing:" + parent.string(key).orElse(""), ""));
        }
        parent.get(key).ifPresent(n -> n.error(problem));
        return Optional.empty();
    }

    static Optional<Secret> read(YamlNode parent, String envKey, String fileKey, Function<String, String> env, boolean required) {
        boolean hasEnv = parent.has(envKey);
        boolean hasFile = parent.has(fileKey);
        if (env == NOT_RESOLVED && (hasEnv || hasFile)) {
            String key = hasEnv ? envKey : fileKey;
            return Optional.of(Secret.of("unresolved:" + parent.string(key).orElse(""), ""));
        }
        if (hasEnv && hasFile) {
            parent.get(fileKey).ifPresent(n -> n.error("give " + envKey + " or " + fileKey + ", not both"));
            return Optional.empty();
        }
        if (hasEnv) {
            String var = parent.string(envKey).orElse("");
            String value = env.apply(var);
            if (value == null || value.isEmpty()) {
                return missing(parent, envKey, "environment variable " + var + " is not set", env);
            }
            return Optional.of(Secret.of("env:" + var, value));
        }
        if (hasFile) {
            String f = parent.path(fileKey).map(Path::toString).orElse("");
            try {
                String value = Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    return missing(parent, fileKey, "file " + f + " is empty", env);
                }
                return Optional.of(Secret.of("file:" + f, value));
            } catch (IOException e) {
                return missing(parent, fileKey, "cannot read " + f + ": " + e.getClass().getSimpleName(), env);
            }
        }
        if (required) {
            parent.error("missing " + envKey + " (or " + fileKey + ")");
        }
        return Optional.empty();
    }
}
