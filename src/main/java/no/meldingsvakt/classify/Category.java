package no.meldingsvakt.classify;

import static no.meldingsvakt.classify.Phrases.MESSAGING;
import static no.meldingsvakt.classify.Phrases.MESSAGING_EN;
import static no.meldingsvakt.classify.Phrases.PROBLEM_EN;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a message to the meldingsansvarlig address is, by the routine's standard subject lines. Each
 * category carries everything that follows from it: the phrases that open its subjects, whether
 * the routine sends a receipt (and whether it may), whether a reply is expected (a deadline),
 * whether it announces a stop or reports an incident (which checks apply), and whether later mail
 * with the same subject joins its case. Adding a category is adding a constant here.
 */
public enum Category {
    PLANNED("planned", "Planlagt stopp", Kind.PLANNED_STOP, Receipt.FORBIDDEN, false, List.of(
            phrase("^planlagt[e]?\\s+(stopp|stans|forsinkelse)\\b"),
            inContext("^planlagt[e]?\\s+(nedetid(er)?|driftsstans|vedlikehold|oppgradering|utfall|avbrudd)\\b"),
            phrase("^(stopp|stans)(/forsinkelse)?\\s+(i|av)\\s+" + MESSAGING + "\\b"),
            phrase("^planlagd[e]?\\s+(stopp|stans|forseinking|forsinking|nedetid|driftsstans)\\b"),
            inContext("^(planned|scheduled)\\s+(downtime|outage|maintenance|stop|interruption|disruption|delay)s?\\b"))),
    ERROR("error", "Feil i meldingsutveksling", Kind.INCIDENT, Receipt.BY_DEFAULT, true, List.of(
            phrase("^feil\\s+(i|ved|på|med)\\s+" + MESSAGING + "\\b"),
            // Partners describing an ongoing problem in their own words rather than the standard phrase.
            phrase("^(forsinkelse(r)?|forsinket|brudd|problem(er)?|driftsproblem(er)?|ustabil|treg|avvik)\\s+((i|ved|på|med)\\s+)?" + MESSAGING + "\\b"),
            phrase("^" + PROBLEM_EN + "\\s+(in|with|on|of|affecting)\\s+" + MESSAGING_EN + "\\b"),
            phrase("^" + MESSAGING_EN + "\\s+" + PROBLEM_EN + "\\b"),
            // Word order turned round: "Meldingsutveksling – feil".
            phrase("^" + MESSAGING + "\\s*[-–:]\\s*(feil|brudd|problemer?|forsinkelser?)\\b"))),
    MISSING_RECEIPT("missing-receipt", "Manglende kvittering", Kind.INQUIRY, Receipt.BY_DEFAULT, true, List.of(
            phrase("^(manglende|mangler|manglande|ikke\\s+mottatt|ikkje\\s+motteke|mangel\\s+på)\\s+(applikasjons|app-?|transport)?"
                    + "(kvittering(er|ar|ane|ene)?|apprec)\\b"),
            phrase("^(missing|no)\\s+(application\\s+)?(receipts?|acknowledge?ments?|apprecs?)\\b"))),
    IMPORTANT_INFO("important-info", "Viktig informasjon", Kind.INCIDENT, Receipt.BY_DEFAULT, true, List.of(
            phrase("^viktig[e]?\\s+info(rmasjon)?\\s+(vedrørende|vedr\\.?|ang\\.?|angående|om|rundt|for|til)\\s*" + MESSAGING + "\\b"),
            phrase("^important\\s+info(rmation)?\\s+(regarding|about|on|concerning|for)\\s+" + MESSAGING_EN + "\\b"))),
    /** Changes in the national address register (Adresseregisteret): staff act on them, nobody answers them. */
    ADDRESS_REGISTER("address-register", "Endring i adresseregister", Kind.INFORMATION, Receipt.OFF_BY_DEFAULT, false, List.of(
            phrase("^(endring(er|ar)?|oppdatering(er|ar)?|ny(e)?\\s+(adresse|oppføring)(r|er)?)\\s+(i|av|på)\\s+(det\\s+)?adresseregister(et)?\\b"),
            phrase("^address\\s+register\\s+(change|update)s?\\b"))),
    AUTOMATIC("automatic", "Automatisk e-post", Kind.ROBOT, Receipt.FORBIDDEN, false, List.of()),
    UNKNOWN("unknown", "Annen henvendelse", Kind.OTHER, Receipt.BY_DEFAULT, true, List.of());

    /** What a category is about: it decides which of the routine's checks apply and how a case is followed. */
    public enum Kind { PLANNED_STOP, INCIDENT, INQUIRY, INFORMATION, ROBOT, OTHER }

    /** The routine's receipt: sent unless switched off, off unless switched on, or never allowed. */
    public enum Receipt { BY_DEFAULT, OFF_BY_DEFAULT, FORBIDDEN }

    /** A phrase that opens a subject; {@code needsContext}: its words are common outside e-health, so the mail must be about messaging too. */
    record Phrase(Pattern pattern, boolean needsContext) {}

    private final String id;
    private final String norwegian;
    private final Kind kind;
    private final Receipt receipt;
    private final boolean answered;
    private final List<Phrase> phrases;

    Category(String id, String norwegian, Kind kind, Receipt receipt, boolean answered, List<Phrase> phrases) {
        this.id = id;
        this.norwegian = norwegian;
        this.kind = kind;
        this.receipt = receipt;
        this.answered = answered;
        this.phrases = phrases;
    }

    private static Phrase phrase(String regex) {
        return new Phrase(Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), false);
    }

    private static Phrase inContext(String regex) {
        return new Phrase(Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE), true);
    }

    /** The stable name used in config files, logs and JSON. */
    public String id() {
        return id;
    }

    /** The label staff see in redistributed mail. */
    public String norwegian() {
        return norwegian;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the routine sends a receipt unless the organisation's policy says otherwise. */
    public boolean receiptByDefault() {
        return receipt == Receipt.BY_DEFAULT;
    }

    /** Whether a policy may switch a receipt on at all (never for planned downtime or robots). */
    public boolean receiptAllowed() {
        return receipt != Receipt.FORBIDDEN;
    }

    /** Whether someone must reply: such a category has a deadline, reminders and escalation by default. */
    public boolean answered() {
        return answered;
    }

    /** Whether a notice of this category says something to read (window, phone, organisation). */
    public boolean readable() {
        return kind != Kind.ROBOT && kind != Kind.OTHER;
    }

    /** Whether a later notice with the same standard subject about the same organisation joins an open case. */
    public boolean joinsSimilar() {
        return kind != Kind.ROBOT && kind != Kind.OTHER;
    }

    List<Phrase> phrases() {
        return phrases;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id.trim())).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Category::id).toList());
    }
}
