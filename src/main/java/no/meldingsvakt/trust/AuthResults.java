package no.meldingsvakt.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} field (RFC 8601), read leniently: the authserv-id (empty in
 * Exchange Online's form, which starts with a result) and each method's result with its
 * properties ({@code header.from}, {@code header.d}, {@code smtp.mailfrom}, {@code smtp.auth}).
 * Comments are dropped; nothing in a comment ever counts.
 */
public record AuthResults(Optional<String> authservId, List<Result> results) {
    /** A value longer than this is not a header any receiving server writes. */
    static final int MAX_LENGTH = 8_192;

    /** One method's verdict, e.g. {@code dmarc=pass header.from=hemit.no}. */
    public record Result(String method, String result, Map<String, String> properties) {
        public boolean passed() {
            return result.equals("pass");
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    public static AuthResults parse(String value) {
        String v = stripComments(value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value);
        String[] parts = v.split(";");
        Optional<String> id = Optional.empty();
        int first = 0;
        String head = parts.length == 0 ? "" : parts[0].strip();
        if (!head.contains("=")) {
            // "authserv-id [version]"; a first part with a result in it is Exchange Online's form.
            String[] words = head.split("\\s+");
            id = words[0].isEmpty() ? Optional.empty() : Optional.of(words[0].toLowerCase(Locale.ROOT));
            first = 1;
        }
        List<Result> results = new ArrayList<>();
        for (int i = first; i < parts.length; i++) {
            result(parts[i]).ifPresent(results::add);
        }
        return new AuthResults(id, List.copyOf(results));
    }

    private static Optional<Result> result(String part) {
        String[] words = part.strip().split("\\s+");
        if (words.length == 0 || !words[0].contains("=")) {
            return Optional.empty();
        }
        String[] mr = words[0].split("=", 2);
        String method = mr[0].toLowerCase(Locale.ROOT).replaceFirst("/.*$", "");
        String result = mr[1].toLowerCase(Locale.ROOT);
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                String key = words[i].substring(0, eq).toLowerCase(Locale.ROOT);
                String val = unquote(words[i].substring(eq + 1));
                props.putIfAbsent(key, key.equals("smtp.auth") ? val : val.toLowerCase(Locale.ROOT));
            }
        }
        return method.isEmpty() || result.isEmpty() ? Optional.empty() : Optional.of(new Result(method, result, Map.copyOf(props)));
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Drops RFC 5322 comments (nested parentheses), keeping quoted strings as they are. */
    static String stripComments(String v) {
        StringBuilder out = new StringBuilder(v.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                if (depth == 0) {
                    out.append(c).append(v.charAt(i + 1));
                }
                i++;
            } else if (quoted) {
                out.append(c);
                quoted = c != '"';
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                if (c == '"') {
                    quoted = true;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
