package no.meldingsvakt.classify;

/** Building blocks of the standard subject phrases, shared by the categories' own rules. */
final class Phrases {
    /** Messaging in Norwegian: "meldingsutveksling(en/a)", "meldingstrafikk(en)", "e-meldinger", "elektronisk …". */
    static final String MESSAGING = "((den\\s+)?elektronisk(e)?\\s+)?(e-?)?melding(sutveksling(en|a)?|strafikk(en)?|sflyt(en)?|er(ne)?|ar(ne)?)?";
    /** The English a vendor writes. */
    static final String MESSAGING_EN = "((electronic|e-?health)\\s+)?(message|messaging|health\\s+message)s?(\\s+(exchange|traffic|flow|delivery))?";
    static final String PROBLEM_EN = "(error|errors|failure|fault|problems?|issues?|disruption|outage|incident|delays?)";

    private Phrases() {}
}
