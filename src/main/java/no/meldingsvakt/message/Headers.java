package no.meldingsvakt.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Header fields by case-insensitive name, values unfolded but not decoded. The order of the
 * fields is kept too: who wrote a field (our own receiving server or the sender) shows only in
 * where it stands.
 */
public final class Headers {
    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Field> inOrder = new ArrayList<>();

    /** One header field as it stands in the message. */
    public record Field(String name, String value) {
        public boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    public void add(String name, String value) {
        String v = value == null ? "" : value;
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        inOrder.add(new Field(name, v));
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Optional<String> first(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).trim());
    }

    /** First value, lower-cased, for comparisons against fixed tokens. */
    public Optional<String> token(String name) {
        return first(name).map(v -> v.toLowerCase(Locale.ROOT));
    }

    /** Every field, topmost (added last, by the server nearest to us) first. */
    public List<Field> all() {
        return List.copyOf(inOrder);
    }
}
