package no.meldingsvakt.extract;

import no.meldingsvakt.classify.FormAnswers;

/**
 * The lines of the routine's notice forms (current and 2018) that ask for a value the routine
 * needs, in bokmål, nynorsk and the English a vendor writes.
 */
final class FormLabels {
    static final FormAnswers.Label PHONE = FormAnswers.label(
            "(telefon(nummer)?|tlf\\.?|tlf\\.?\\s*nr\\.?)\\s+(for|til|ved)\\s+(mottak\\s+av\\s+)?pasient\\p{L}*|(phone|telephone)(\\s+number)?\\s+for\\s+patient\\p{L}*");
    static final FormAnswers.Label START = FormAnswers.label(
            "tidspunkt(et)?\\s+(hendelsen|hendinga|feilen|feila)\\s+(oppstod|oppstod|starta|starte|inntraff)|time\\s+(the\\s+)?(incident|error|problem)\\s+(started|occurred|began)");
    static final FormAnswers.Label END = FormAnswers.label(
            "når\\s+(normal|vanleg)\\s+(e-?\\s?melding\\p{L}*|meldingsutveksling\\p{L}*|drift)|expected\\s+(time\\s+of\\s+)?(recovery|resolution|end)"
                    + "|when\\s+(normal\\s+)?(messaging|message\\s+exchange|operation)\\s+(is\\s+)?expected");

    private FormLabels() {}

    /** Whether the notice has this line of the form and answered it with nothing. */
    static boolean unanswered(String text, FormAnswers.Label label) {
        FormAnswers.Answer a = FormAnswers.answer(text, label);
        return a.labelled() && a.value().isEmpty();
    }
}
