package no.meldingsvakt.classify;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the affected services a notice names (PLO, helsestasjon, ...), with the usual spellings,
 * plurals and nynorsk forms, as the canonical names routes use.
 */
public final class ServiceDetector {
    private static final Map<String, Pattern> DEFAULT = new LinkedHashMap<>();

    static {
        put("PLO", "plo(-?meldinger?)?|pleie[- ]og[- ]omsorg(smeldinger?)?|pleie-?\\s*og\\s*omsorgstjenest\\w*|helse[- ]og[- ]omsorgstjenest\\w*");
        put("helsestasjon", "helsestasjon(en|er|ene|ar|ane)?|skolehelsetjenest\\w*");
        put("legevakt", "legevakt(a|en|er|ene|ar|ane)?|lv-sentral\\w*");
        put("fastlege", "fastleg(e|en|er|ene|ar|ane)|fastlegekontor\\w*|legekontor\\w*");
        put("epikrise", "epikris(e|en|er|ene|ar|ane)");
        put("lab", "lab|labsvar|laboratori(e|um)\\w*|prøvesvar\\w*|rekvisisjon\\w*");
        put("dialogmelding", "dialogmelding(a|en|er|ene|ar|ane)?");
        put("henvisning", "henvisning(a|en|er|ene)?|tilvising(a|ar|ane)?|tilvisning\\w*");
    }

    private static void put(String name, String regex) {
        DEFAULT.put(name, Pattern.compile("(?<![\\p{L}\\d])(" + regex + ")(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private ServiceDetector() {}

    public static Set<String> detect(String text) {
        Set<String> out = new LinkedHashSet<>();
        DEFAULT.forEach((name, p) -> {
            if (p.matcher(text).find()) {
                out.add(name);
            }
        });
        return out;
    }
}
