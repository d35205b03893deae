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
                parent.get(envKey).ifPresent(n -> n.error("environment variable " + var + " is not set"));
                return Optional.empty();
            }
            return Optional.of(Secret.of("env:" + var, value));
        }
        if (hasFile) {
            String f = parent.string(fileKey).orElse("");
            try {
                String value = Files.readString(Path.of(f), StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    parent.get(fileKey).ifPresent(n -> n.error("file " + f + " is empty"));
                    return Optional.empty();
                }
                return Optional.of(Secret.of("file:" + f, value));
            } catch (IOException e) {
                parent.get(fileKey).ifPresent(n -> n.error("cannot read " + f + ": " + e.getClass().getSimpleName()));
                return Optional.empty();
            }
        }
        if (required) {
            parent.error("missing " + envKey + " (or " + fileKey + ")");
        }
        return Optional.empty();
    }
}
