package no.meldingsvakt.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organisation a notice is about, as it names itself: "Orkland kommune", "St. Olavs hospital
 * HF", "Helse Møre og Romsdal HF", "Sykehuset Innlandet HF". Names are read leftwards from the
 * word that ends them (kommune, HF, helseforetak, sykehus), taking capitalised words and the few
 * small words Norwegian health-trust names contain.
 */
final class Organisations {
    private static final Pattern ANCHOR = Pattern.compile("(?<![\\p{L}])(kommune|Kommune|fylkeskommune|HF|RHF|helseforetak|sykehus|Sykehus|hospital)(?![\\p{L}])");
    private static final Pattern SYKEHUSET = Pattern.compile(
            "(?<![\\p{L}])(Sykehuset|Universitetssykehuset|Helse|Bydel)\\s+((?:i\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+og\\s+\\p{Lu}[\\p{L}-]+)?)(\\s+(?:R?HF|IKT))?");
    /**
     * Partners that send notices under a name with no kommune/HF in it: the regional and national
     * e-health operators and the large laboratories. Used only when no name of the usual form is found.
     */
    private static final List<String> KNOWN_NAMES = List.of("Hemit", "Norsk Helsenett", "Helseplattformen", "Sykehuspartner",
            "Helse Vest IKT", "Helse Nord IKT", "Sykehusapotekene", "Fürst Medisinsk Laboratorium", "Fürst", "Unilabs");
    private static final Pattern KNOWN = Pattern.compile("(?<![\\p{L}])("
            + String.join("|", KNOWN_NAMES.stream().map(n -> Pattern.quote(n).replace(" ", "\\E\\s+\\Q")).toList()) + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Two-word municipality names always start with one of these. */
    private static final Set<String> COMPOUND_FIRST = Set.of("indre", "ytre", "øvre", "nedre", "midtre", "nordre", "søndre", "vestre",
            "østre", "øystre", "nord", "sør", "aust", "vest", "nore", "store", "lille");
    private static final Set<String> LOWER_IN_TRUST = Set.of("og", "i", "hospital", "sykehus", "universitetssykehus");
    private static final Set<String> NOT_A_NAME = Set.of("hei", "fra", "til", "emne", "planlagt", "stopp", "feil", "vi", "det", "den",
            "dette", "hos", "for", "ved", "kjære", "manglende", "viktig", "informasjon", "meldingsansvarlig", "og", "med", "varsel",
            "nedetid", "melding", "meldingstrafikk", "meldingsutveksling", "xxx", "din", "deres", "vår", "alle", "i", "på", "om", "re",
            "sv", "vs", "fw", "fwd", "ekstern", "oppdatering", "kvittering", "forsinkelse", "stopp/forsinkelse", "gjelder", "avsender",
            "mottaker", "berørt", "berørte", "organisasjon", "virksomhet", "kommunens", "sykehusets", "nb", "obs");

    /** Common Norwegian given names: a sender's display name that starts with one is a person ("Ola Sykehus"), not a hospital. */
    private static final Set<String> GIVEN_NAMES = Set.of("ola", "kari", "per", "pål", "espen", "anne", "jan", "lars", "ole", "hans", "knut",
            "bjørn", "arne", "nils", "kjell", "erik", "tor", "thomas", "martin", "kristian", "marit", "inger", "liv", "ingrid", "eva",
            "hilde", "nina", "randi", "berit", "astrid", "solveig", "silje", "ida", "nora", "emma", "sara", "jonas", "jakob", "henrik",
            "ivar", "lise", "grete", "bente", "tone", "elin", "hege", "mona", "trine", "kristin", "camilla", "maria", "morten", "geir",
            "rune", "odd", "terje", "trond", "svein", "stein", "frode", "anders", "magnus", "andreas", "daniel", "sondre", "eirik",
            "øyvind", "petter", "gunnar", "harald", "leif", "tore", "helge", "dag", "jon", "rolf", "egil", "jørgen", "sigrid",
            "ragnhild", "gunn", "wenche", "heidi", "karin", "linda", "siri", "marianne", "ellen", "ann", "turid", "bjørg", "jorunn",
            "torill", "elisabeth", "anita", "mette", "kjersti", "guro", "ingvild", "marte", "jørn", "kåre", "arild", "roger", "tom");

    private Organisations() {}

    /** Whether a display name is a person's: it starts with a common given name ("Ola Sykehus", "Kari Nordmann"). */
    static boolean person(String displayName) {
        String first = displayName.strip().split("[\\s,]+")[0].toLowerCase(Locale.ROOT);
        return GIVEN_NAMES.contains(first);
    }

    /** Candidates in text order. */
    static List<String> find(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = shouted(raw) ? titleCase(raw) : raw;
            Matcher s = SYKEHUSET.matcher(line);
            List<int[]> taken = new ArrayList<>();
            while (s.find()) {
                String name = (s.group(1) + " " + s.group(2) + (s.group(3) == null ? "" : " " + s.group(3).strip())).replaceAll("\\s+", " ");
                // "Helse og velferd" is a department; a trust's "Helse …" name ends in HF, RHF or IKT.
                if (!s.group(1).equals("Helse") || s.group(3) != null) {
                    out.add(name);
                    taken.add(new int[] {s.start(), s.end()});
                }
            }
            Matcher a = ANCHOR.matcher(line);
            while (a.find()) {
                int at = a.start();
                boolean beforeHf = line.substring(a.end()).matches("\\s+HF\\b.*");
                if (taken.stream().anyMatch(t -> at >= t[0] && at < t[1]) || beforeHf && !a.group(1).equals("HF")) {
                    continue;
                }
                leftwards(line.substring(0, at), a.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The first well-known partner named, for notices from operators like Hemit or Norsk Helsenett. */
    static Optional<String> known(String text) {
        Matcher m = KNOWN.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String found = m.group(1).replaceAll("\\s+", " ");
        return KNOWN_NAMES.stream().filter(n -> n.equalsIgnoreCase(found)).findFirst();
    }

    /** "TRONDHEIM KOMMUNE" in a shouted subject reads as "Trondheim Kommune". */
    private static boolean shouted(String line) {
        long upper = line.codePoints().filter(Character::isUpperCase).count();
        long lower = line.codePoints().filter(Character::isLowerCase).count();
        return upper > 6 && upper > 3 * lower;
    }

    private static String titleCase(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean start = true;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            sb.append(start ? ch : Character.toLowerCase(ch));
            start = !Character.isLetter(ch) && ch != '.';
        }
        return sb.toString().replace(" Hf", " HF").replace("-hf", "-HF");
    }

    private static Optional<String> leftwards(String before, String anchor) {
        String[] words = before.strip().split("\\s+");
        boolean trust = !anchor.equalsIgnoreCase("kommune") && !anchor.equals("fylkeskommune");
        int max = trust ? 5 : 2;
        List<String> name = new ArrayList<>();
        for (int i = words.length - 1; i >= 0 && name.size() < max; i--) {
            String w = words[i];
            if (w.isEmpty() || w.matches(".*[,:;!?()\\[\\]/\"«»|].*") || w.endsWith(".") && !w.matches("St\\.|Sankt")) {
                break;
            }
            boolean capital = Character.isUpperCase(w.codePointAt(0));
            if (capital && !NOT_A_NAME.contains(w.toLowerCase(Locale.ROOT))) {
                name.add(0, w);
                if (!trust && name.size() == 1 && (i == 0 || !COMPOUND_FIRST.contains(words[i - 1].toLowerCase(Locale.ROOT)))) {
                    break;
                }
            } else if (trust && LOWER_IN_TRUST.contains(w) && (!name.isEmpty() || w.length() > 2)) {
                name.add(0, w);
            } else {
                break;
            }
        }
        while (!name.isEmpty() && (LOWER_IN_TRUST.contains(name.get(0)) || !Character.isUpperCase(name.get(0).codePointAt(0)))) {
            name.remove(0);
        }
        if (name.isEmpty() || name.get(0).matches("(?i)x+")) {
            return Optional.empty();
        }
        String suffix = anchor.equals("Kommune") ? "kommune" : anchor;
        return Optional.of(String.join(" ", name) + " " + suffix);
    }
}
