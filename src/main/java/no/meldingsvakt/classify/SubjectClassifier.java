package no.meldingsvakt.classify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a subject to a standard notice category. A phrase must open the subject, or open one of
 * its segments ("Orkland kommune: Feil i meldingsutveksling"): words like "feil" or "planlagt"
 * elsewhere in an unrelated subject never make a notice.
 */
public final class SubjectClassifier {
    private static final String MESSAGING = "((den\\s+)?elektronisk(e)?\\s+)?(e-?)?melding(sutveksling(en|a)?|strafikk(en)?|sflyt(en)?|er(ne)?|ar(ne)?)?";
    /** The English a vendor writes. */
    private static final String MESSAGING_EN = "((electronic|e-?health)\\s+)?(message|messaging|health\\s+message)s?(\\s+(exchange|traffic|flow|delivery))?";
    /** "Varsel om planlagt stopp …", "Informasjon om feil i …": a lead-in before the standard phrase. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(varsel|varsling|melding|informasjon|info|beskjed|orientering|notice|notification|information)\\s+(om|vedr\\.?|vedrørende|angående|ang\\.?|of|about|regarding|on)\\s+",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final List<Rule> RULES = List.of(
            new Rule(Category.PLANNED, "^planlagt[e]?\\s+(stopp|stans|forsinkelse)\\b"),
            new Rule(Category.PLANNED, "^planlagt[e]?\\s+(nedetid(er)?|driftsstans|vedlikehold|oppgradering|utfall|avbrudd)\\b", true),
            new Rule(Category.PLANNED, "^(stopp|stans)(/forsinkelse)?\\s+(i|av)\\s+" + MESSAGING + "\\b"),
            new Rule(Category.ERROR, "^feil\\s+(i|ved|på|med)\\s+" + MESSAGING + "\\b"),
            // Partners describing an ongoing problem in their own words rather than the standard phrase.
            new Rule(Category.ERROR, "^(forsinkelse(r)?|forsinket|brudd|problem(er)?|driftsproblem(er)?|ustabil|treg|avvik)\\s+((i|ved|på|med)\\s+)?"
                    + MESSAGING + "\\b"),
            new Rule(Category.MISSING_RECEIPT, "^(manglende|mangler|manglande|ikke\\s+mottatt|ikkje\\s+motteke|mangel\\s+på)\\s+"
                    + "(applikasjons|app-?|transport)?(kvittering(er|ar|ane|ene)?|apprec)\\b"),
            new Rule(Category.IMPORTANT_INFO, "^viktig[e]?\\s+info(rmasjon)?\\s+(vedrørende|vedr\\.?|ang\\.?|angående|om|rundt|for|til)\\s*" + MESSAGING + "\\b"),
            // Nynorsk.
            new Rule(Category.PLANNED, "^planlagd[e]?\\s+(stopp|stans|forseinking|forsinking|nedetid|driftsstans)\\b"),
            // English, as vendors write it.
            new Rule(Category.PLANNED, "^(planned|scheduled)\\s+(downtime|outage|maintenance|stop|interruption|disruption|delay)s?\\b", true),
            new Rule(Category.ERROR, "^(error|errors|failure|fault|problems?|issues?|disruption|outage|incident|delays?)\\s+(in|with|on|of|affecting)\\s+"
                    + MESSAGING_EN + "\\b"),
            new Rule(Category.ERROR, "^" + MESSAGING_EN + "\\s+(error|errors|failure|fault|problems?|issues?|disruption|outage|incident|delays?)\\b"),
            new Rule(Category.MISSING_RECEIPT, "^(missing|no)\\s+(application\\s+)?(receipts?|acknowledge?ments?|apprecs?)\\b"),
            new Rule(Category.IMPORTANT_INFO, "^important\\s+info(rmation)?\\s+(regarding|about|on|concerning|for)\\s+" + MESSAGING_EN + "\\b"),
            // Word order turned round: "Meldingsutveksling: planlagt stopp" is found by segments; "Meldingsutveksling – feil" here.
            new Rule(Category.ERROR, "^" + MESSAGING + "\\s*[-–:]\\s*(feil|brudd|problemer?|forsinkelser?)\\b"));
    private static final Pattern SEGMENT = Pattern.compile("\\s+[-–|]\\s+|:\\s+");

    private SubjectClassifier() {}

    /** The category whose phrase opens the normalised subject or one of its segments. */
    public static Optional<Category> classify(String normalizedSubject) {
        return classify(normalizedSubject, true);
    }

    /**
     * @param aboutMessaging whether the mail speaks of messages, patients or health systems at all:
     *     "Planlagt vedlikehold av parkeringsplassen" is not a notice, "Planlagt vedlikehold DIPS" with a
     *     patient-information line is
     */
    public static Optional<Category> classify(String normalizedSubject, boolean aboutMessaging) {
        Optional<Category> whole = match(normalizedSubject, aboutMessaging);
        if (whole.isPresent()) {
            return whole;
        }
        for (String segment : SEGMENT.split(normalizedSubject)) {
            Optional<Category> c = match(segment.strip(), aboutMessaging);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<Category> match(String text, boolean aboutMessaging) {
        String s = LEAD_IN.matcher(SubjectSpelling.corrected(text)).replaceFirst("");
        for (Rule r : RULES) {
            if ((aboutMessaging || !r.needsContext) && r.pattern.matcher(s).find()) {
                return Optional.of(r.category);
            }
        }
        return Optional.empty();
    }

    /** {@code needsContext}: the words are common outside e-health, so the mail must be about messaging too. */
    private record Rule(Category category, Pattern pattern, boolean needsContext) {
        Rule(Category category, String regex) {
            this(category, regex, false);
        }

        Rule(Category category, String regex, boolean needsContext) {
            this(category, Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), needsContext);
        }
    }
}
