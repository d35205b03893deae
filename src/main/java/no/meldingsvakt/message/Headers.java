package no.meldingsvakt.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Header fields by case-insensitive name, values unfolded but not decoded. */
public final class Headers {
    private final Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public void add(String name, String value) {
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "" : value);
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

}
