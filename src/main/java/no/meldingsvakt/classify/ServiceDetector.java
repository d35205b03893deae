package no.meldingsvakt.classify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the affected services a notice names (PLO, helsestasjon, ...), with the usual spellings,
 * plurals and nynorsk forms, as the canonical names routes use.
 */
public final class ServiceDetector {
    /** Norwegian writes compounds: "helsestasjonsmeldinger", "legevaktsentralen", "labsvarene". */
    private static final String COMPOUND = "(?:s?-?(?:melding|system|sentral|svar|tjenest|kontor|data)\\p{L}*)?";
    private static final Map<String, Pattern> DEFAULT = new LinkedHashMap<>();

    static {
        put("PLO", "plo(-?meldinger?)?|pleie-?\\s*og\\s*omsorg\\w*|helse[- ]og[- ]omsorgstjenest\\w*");
        put("helsestasjon", "helsestasjon(en|er|ene|ar|ane)?|skolehelsetjenest\\w*");
        put("legevakt", "legevakt(a|en|er|ene|ar|ane)?|lv-sentral\\w*");
        put("fastlege", "fastleg(e|en|er|ene|ar|ane)|fastlegekontor\\w*|legekontor\\w*");
        put("epikrise", "epikris(e|en|er|ene|ar|ane)");
        put("lab", "lab|labsvar|laboratori(e|um)\\w*|prøvesvar\\w*|rekvisisjon\\w*");
        put("dialogmelding", "dialogmelding(a|en|er|ene|ar|ane)?");
        put("henvisning", "henvisning(a|en|er|ene)?|tilvising(a|ar|ane)?|tilvisning\\w*");
    }

    private static void put(String name, String regex) {
        DEFAULT.put(name, Pattern.compile("(?<![\\p{L}\\d])(" + regex + ")" + COMPOUND + "(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
    }

    private ServiceDetector() {}

    /** Every service: the defaults and the administrator's own. */
    public static Set<String> all(Map<String, List<String>> vocabulary) {
        Set<String> out = new LinkedHashSet<>(DEFAULT.keySet());
        vocabulary.keySet().forEach(n -> {
            if (out.stream().noneMatch(d -> d.equalsIgnoreCase(n))) {
                out.add(n);
            }
        });
        return out;
    }

    public static Set<String> detect(String text) {
        return detect(text, Map.of());
    }

    /**
     * With an administrator's vocabulary: each canonical name (a default one or a new one) with the
     * words that also mean it, matched as whole words with the usual Norwegian endings.
     */
    public static Set<String> detect(String text, Map<String, List<String>> vocabulary) {
        Set<String> out = new LinkedHashSet<>();
        DEFAULT.forEach((name, p) -> {
            if (p.matcher(text).find()) {
                out.add(name);
            }
        });
        vocabulary.forEach((name, words) -> {
            String canonical = DEFAULT.keySet().stream().filter(d -> d.equalsIgnoreCase(name)).findFirst().orElse(name);
            for (String w : words) {
                Pattern p = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(w.strip()).replace(" ", "\\E[\\s-]+\\Q")
                        + "(e|en|er|ene|a|ar|ane|et|s|n|r|ne)?" + COMPOUND + "(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (p.matcher(text).find()) {
                    out.add(canonical);
                    break;
                }
            }
        });
        return out;
    }
}
