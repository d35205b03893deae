package no.meldingsvakt.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People mistype the standard phrases ("Planlgt stopp", "Feil i meldingsutvekslng"). Each long
 * word of a subject within one edit (two for words of ten letters or more) of a word the standard
 * phrases use is read as that word. Short words ("feil", "stopp", "i") must be exact, and only
 * the phrases' own words are corrected, so an ordinary subject never turns into a notice.
 */
final class SubjectSpelling {
    private static final List<String> LISTED = List.of("planlagt", "planlagte", "planlagd", "planlagde", "forsinkelse", "forsinking", "nedetid",
            "meldingsutveksling", "meldingsutvekslingen", "meldingsutvekslinga", "meldingstrafikk", "meldingstrafikken", "meldingsflyt",
            "manglende", "manglande", "kvittering", "kvitteringer", "kvitteringar", "applikasjonskvittering", "applikasjonskvitteringer",
            "viktig", "informasjon", "vedrørende", "driftsstans", "elektronisk", "message", "exchange", "messaging", "downtime",
            "maintenance", "missing", "receipt", "receipts", "acknowledgement", "acknowledgements", "important", "information", "regarding",
            "planned", "scheduled");
    private static final Pattern WORD = Pattern.compile("\\p{L}{6,}");
    /** The listed words and every long literal word of the categories' own phrases: a new category's words are forgiven too. */
    private static final List<String> WORDS = words();

    private static List<String> words() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(LISTED);
        for (Category c : Category.values()) {
            for (Category.Phrase p : c.phrases()) {
                Matcher m = WORD.matcher(p.pattern().pattern().replaceAll("\\\\[a-z]", " "));
                while (m.find()) {
                    String w = m.group().toLowerCase(Locale.ROOT);
                    // With the endings a phrase allows after it: "adresseregister(et)?".
                    for (String ending : new String[] {"", "et", "en", "er", "a", "ene"}) {
                        out.add(w + ending);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private SubjectSpelling() {}

    static String corrected(String normalized) {
        Matcher m = WORD.matcher(normalized);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(nearest(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Subjects repeat their words: each word is looked up once (bounded, so hostile subjects cannot grow it without end). */
    private static final java.util.Map<String, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static String nearest(String word) {
        if (word.length() > 40) {
            return word;
        }
        String cached = SEEN.get(word);
        if (cached != null) {
            return cached;
        }
        String found = lookUp(word);
        if (SEEN.size() < 10_000) {
            SEEN.put(word, found);
        }
        return found;
    }

    private static String lookUp(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (WORDS.contains(w)) {
            return word;
        }
        int allowed = w.length() >= 10 ? 2 : 1;
        return EditDistance.closest(w, WORDS, k -> allowed).orElse(word);
    }
}
