package no.meldingsvakt.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node with its key path and position, so every value read from it can be blamed on a
 * line. A mapping remembers which keys were read; {@link #rejectUnknownKeys()} reports the rest.
 */
final class YamlNode {
    private final Node node;
    private final String path;
    private final ErrorSink errors;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlNode(Node node, String path, ErrorSink errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
                if (entries.containsKey(key)) {
                    errors.at(t.getKeyNode(), child(key), "duplicate key");
                }
                entries.put(key, t.getValueNode());
                keyNodes.put(key, t.getKeyNode());
            }
        }
    }

    String path() {
        return path;
    }

    Node raw() {
        return node;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode s && !isNull(s);
    }

    String scalar() {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    void error(String message) {
        errors.at(node, path, message);
    }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key));
    }

    Set<String> keys() {
        read.addAll(entries.keySet());
        return entries.keySet();
    }

    Optional<YamlNode> get(String key) {
        read.add(key);
        Node n = entries.get(key);
        if (n == null || isNull(n)) {
            return Optional.empty();
        }
        return Optional.of(new YamlNode(n, child(key), errors));
    }

    Optional<YamlNode> require(String key) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            errors.at(node, child(key), "missing required key");
        }
        return n;
    }

    Optional<String> string(String key) {
        return get(key).flatMap(n -> {
            if (!n.isScalar()) {
                n.error("must be a single value");
                return Optional.empty();
            }
            String v = n.scalar().trim();
            if (v.isEmpty()) {
                n.error("must not be empty");
                return Optional.empty();
            }
            return Optional.of(v);
        });
    }

    /**
     * A file or directory named by the config: an absolute path as written, a relative one taken
     * from the config file's own directory (never from wherever the service happens to start).
     */
    Optional<java.nio.file.Path> path(String key) {
        return string(key).map(v -> errors.baseDir().resolve(v.strip()).normalize());
    }

    Optional<String> requireString(String key) {
        if (!has(key)) {
            read.add(key);
            errors.at(node, child(key), "missing required key");
            return Optional.empty();
        }
        return string(key);
    }

    Optional<Integer> integer(String key, int min, int max) {
        return string(key).flatMap(v -> {
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    get(key).ifPresent(n -> n.error("must be between " + min + " and " + max + ", was " + i));
                    return Optional.empty();
                }
                return Optional.of(i);
            } catch (NumberFormatException e) {
                get(key).ifPresent(n -> n.error("must be a whole number, was '" + v + "'"));
                return Optional.empty();
            }
        });
    }

    /** A duration written as a number and a unit: {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}. */
    Optional<java.time.Duration> duration(String key) {
        return string(key).flatMap(v -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(v.toLowerCase(java.util.Locale.ROOT));
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                get(key).ifPresent(n -> n.error("must be a duration like 30s, 10m, 2h or 1d, was '" + v + "'"));
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                default -> java.time.Duration.ofDays(n);
            });
        });
    }

    Optional<Boolean> bool(String key) {
        return string(key).flatMap(v -> {
            switch (v.toLowerCase()) {
                case "true": case "yes": case "on": return Optional.of(true);
                case "false": case "no": case "off": return Optional.of(false);
                default:
                    get(key).ifPresent(n -> n.error("must be true or false, was '" + v + "'"));
                    return Optional.empty();
            }
        });
    }

    /** A list value; a single scalar is accepted as a one-element list, as administrators write it. */
    List<YamlNode> list(String key) {
        Optional<YamlNode> n = get(key);
        if (n.isEmpty()) {
            return List.of();
        }
        return n.get().items();
    }

    List<YamlNode> items() {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                out.add(new YamlNode(s.getValue().get(i), path + "[" + i + "]", errors));
            }
            return out;
        }
        if (isScalar()) {
            return List.of(this);
        }
        error("must be a list");
        return List.of();
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(key)) {
            if (!item.isScalar()) {
                item.error("must be a single value");
            } else {
                out.add(item.scalar().trim());
            }
        }
        return out;
    }

    /**
     * Reports every key of this mapping that no reader asked for. A misspelt key is one error
     * ("did you mean host?"), not two: the "missing required key" for what it meant is withdrawn.
     */
    void rejectUnknownKeys(java.util.Collection<String> hints) {
        for (String key : entries.keySet()) {
            if (!read.contains(key)) {
                // Within two edits, one for short keys: "hots" meant "host", "adress" meant "address".
                Optional<String> meant = no.meldingsvakt.classify.EditDistance.closest(key, hints.stream().filter(h -> !entries.containsKey(h)).toList(),
                        k -> Math.min(2, Math.max(1, k.length() / 4)));
                if (meant.isPresent()) {
                    errors.withdraw(child(meant.get()));
                    errors.at(keyNodes.get(key), child(key), "unknown key: did you mean " + meant.get() + "?");
                } else {
                    String hint = hints.isEmpty() ? "" : " (known keys: " + String.join(", ", hints) + ")";
                    errors.at(keyNodes.get(key), child(key), "unknown key" + hint);
                }
            }
        }
    }

    /** A problem that does not stop this command (a secret check-config cannot see); {@code run} would refuse it. */
    void warn(String message) {
        errors.warnAt(node, path, message);
    }

    void rejectUnknownKeys() {
        rejectUnknownKeys(read);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s
                && s.getTag().getValue().endsWith(":null")
                && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equalsIgnoreCase("null"));
    }


    /** Collects errors with their file positions. */
    static final class ErrorSink {
        private final String file;
        private final List<ConfigError> errors = new ArrayList<>();

        ErrorSink(String file) {
            this.file = file;
        }

        void at(Node n, String path, String message) {
            int line = n == null ? 0 : n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            int col = n == null ? 0 : n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
            errors.add(new ConfigError(file, line, col, path, message));
        }

        void add(ConfigError e) {
            errors.add(e);
        }

        private final List<ConfigError> warnings = new ArrayList<>();

        void warnAt(Node n, String path, String message) {
            int line = n == null ? 0 : n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
            int col = n == null ? 0 : n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
            warnings.add(new ConfigError(file, line, col, path, message));
        }

        List<ConfigError> warnings() {
            return warnings;
        }

        /** Drops a "missing required key" reported for {@code path}: the key is there, misspelt. */
        void withdraw(String path) {
            errors.removeIf(e -> e.path().equals(path) && e.message().startsWith("missing required key"));
        }

        String file() {
            return file;
        }

        /** The directory relative paths in this file are taken from. */
        java.nio.file.Path baseDir() {
            java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
            return parent == null ? java.nio.file.Path.of("").toAbsolutePath() : parent;
        }

        List<ConfigError> errors() {
            return errors;
        }
    }
}
