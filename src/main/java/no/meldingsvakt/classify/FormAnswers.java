package no.meldingsvakt.classify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routine's notice form read as a form: a label ("Berørt tjeneste (for eksempel PLO eller
 * helsestasjon):") and what the sender answered, on the label's line or the next. The examples a
 * label gives are the form's words, never the sender's; an answer that says nothing ("Ukjent",
 * "-", "Ikke aktuelt") is no answer.
 */
public final class FormAnswers {
    /** "(for eksempel …)", "(f.eks. …)", "(t.d. …)", "(e.g. …)": the form's examples, bounded so no pattern runs long. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "\\((?:for eksempel|for eksempel:|f\\.\\s?eks\\.?|feks|eksempelvis|til dømes|t\\.\\s?d\\.|e\\.\\s?g\\.|for example|for instance|such as)"
                    + "[^()\\n]{0,160}\\)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NOTHING = Pattern.compile(
            "^[\\s\\-–—?.x/]*$|^(ukjent|ikke kjent|uvisst|vet ikke|ikke aktuelt|ikkje aktuelt|ikkje kjent|ukjend|n/?a|na|none|unknown|tbd|ingen)[\\s.!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The start of a line that is itself a label ("Iverksatte tiltak:"), so it is not the answer to the one above. */
    private static final Pattern ANOTHER_LABEL = Pattern.compile("^[\\s*•\\-]*[\\p{L}][\\p{L} /()\\-.,]{2,80}:(\\s|$)", Pattern.UNICODE_CASE);

    private FormAnswers() {}

    /** The text with the form's own examples taken out of its labels. */
    public static String withoutExamples(String text) {
        return EXAMPLE.matcher(text).replaceAll("");
    }

    /** What a label was answered with: absent (no such label), or present with a value, or present with none. */
    public record Answer(boolean labelled, Optional<String> value) {
        static final Answer NO_LABEL = new Answer(false, Optional.empty());
    }

    /** A line of the form, compiled once: the label's words at the start of a line after an optional bullet, then ':'. */
    public static final class Label {
        private final Pattern line;

        private Label(Pattern line) {
            this.line = line;
        }
    }

    /** @param words the label's words as a regular expression, matched without regard to case */
    public static Label label(String words) {
        return new Label(Pattern.compile("^[\\s*•\\-]*(?:" + words + ")[^:\\n]{0,40}:\\s*(.*)$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The answer to the first line of the form with this label. */
    public static Answer answer(String text, Label label) {
        String[] lines = withoutExamples(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = label.line.matcher(lines[i].length() > 998 ? lines[i].substring(0, 998) : lines[i]);
            if (!m.find()) {
                continue;
            }
            String value = m.group(m.groupCount()).strip();
            if (value.isEmpty()) {
                for (int j = i + 1; j < lines.length && j <= i + 2; j++) {
                    String next = lines[j].strip();
                    if (next.isEmpty()) {
                        continue;
                    }
                    value = ANOTHER_LABEL.matcher(lines[j]).find() ? "" : next;
                    break;
                }
            }
            return new Answer(true, saysNothing(value) ? Optional.empty() : Optional.of(value));
        }
        return Answer.NO_LABEL;
    }

    static boolean saysNothing(String value) {
        return NOTHING.matcher(value.strip()).find();
    }
}
