package no.meldingsvakt.extract;

import java.util.regex.Pattern;
import no.meldingsvakt.classify.FormAnswers;

/** Whether a notice was written on the routine's form: at least one of the form's lines is there, answered or not. */
public final class NoticeForm {
    private static final Pattern OTHER_LINES = Pattern.compile("(?im)^\\s*(tidspunkt\\s+for\\s+nedetid|ber(ø|o)rt(e)?\\s+tjenest\\p{L}*"
            + "|iverksatte\\s+tiltak|time\\s+of\\s+downtime|affected\\s+services?)\\s*:");

    private NoticeForm() {}

    public static boolean used(String text) {
        return OTHER_LINES.matcher(text).find() || FormAnswers.answer(text, FormLabels.PHONE).labelled()
                || FormAnswers.answer(text, FormLabels.START).labelled() || FormAnswers.answer(text, FormLabels.END).labelled();
    }
}
