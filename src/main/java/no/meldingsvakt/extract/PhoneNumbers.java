package no.meldingsvakt.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone number for patient-related information. The routine puts it on its own line at the top
 * ("Telefonnummer for pasientrelaterte henvendelser: 72 48 00 00"), so the number on that line is
 * taken, never whatever other number the message holds (a signature, a case number, a date).
 */
final class PhoneNumbers {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d+])(?<prefix>(?:\\(?(?:\\+|00)\\s?(?<cc>\\d{2,3})\\)?[\\s.-]?))?"
                    + "(?<local>\\d{2}[ -]?\\d{2}[ -]?\\d{2}[ -]?\\d{2}|\\d{3}[ -]?\\d{2}[ -]?\\d{3}|\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{2}|\\d{3} \\d{5}|\\d{4} \\d{4})"
                    + "(?![\\d.]\\d|\\d)");
    private static final Pattern INTERNATIONAL = Pattern.compile("(?<![\\d+])(?:\\+|00)(?!47)([1-9]\\d{0,2})((?:[\\s-]?\\d){6,12})(?![\\d])");
    private static final Pattern SHORT = Pattern.compile("(?<![\\d+.,:/-])(0\\d{4}|116 ?117)(?![\\d.,:/-]\\d|\\d)");
    private static final Pattern PATIENT = Pattern.compile("pasient|patient", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE_WORD = Pattern.compile("telefon|tlf|\\btel\\b|ring|nås på|nåast|mobil|vakttelefon|phone|vakthavende"
            + "|henvendelser\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PURPOSE = Pattern.compile(
            "henvendels|spørsmål|informasjon|info\\b|kontakt|nedetid|stopp|døgn|vakt|hast|akutt|behov|beredskap|under\\s",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SIGNATURE = Pattern.compile(
            "^\\s*(med vennlig hilsen|vennlig hilsen|mvh|hilsen|helsing|med venleg helsing|best regards|regards|--)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private PhoneNumbers() {}

    static Optional<String> patientPhone(String text) {
        String[] lines = text.split("\n");
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (SIGNATURE.matcher(lines[i]).find()) {
                end = i;
                break;
            }
        }
        // 1: the line about patient-related information (or the line after it, when a table cell split them).
        for (int i = 0; i < lines.length; i++) {
            if (PATIENT.matcher(lines[i]).find()) {
                String line = lines[i];
                Optional<String> n = first(line).or(() -> shortNumber(line));
                if (n.isEmpty() && (PHONE_WORD.matcher(lines[i]).find() || lines[i].strip().endsWith(":"))) {
                    n = next(lines, i);
                }
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        // 2: a phone line that says what it is for, above the signature.
        for (int i = 0; i < end; i++) {
            if (PHONE_WORD.matcher(lines[i]).find() && PURPOSE.matcher(lines[i]).find()) {
                Optional<String> n = first(lines[i]);
                n = n.isPresent() ? n : next(lines, i);
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        // 3: the routine puts the number at the top; a phone line among the first lines is it.
        int seen = 0;
        for (int i = 0; i < end && seen < 3; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            seen++;
            if (PHONE_WORD.matcher(lines[i]).find()) {
                // "Telefon:" as a label, the number on the next line.
                Optional<String> n = lines[i].strip().endsWith(":") ? next(lines, i) : first(lines[i]);
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Five-digit numbers (02800, 03525) and 116 117 are whole Norwegian numbers. Only the patient line
     * is trusted with them: elsewhere five digits are as likely a postcode or a case number.
     */
    private static Optional<String> shortNumber(String line) {
        Matcher m = SHORT.matcher(line);
        return m.find() ? Optional.of("+47" + m.group().replaceAll("\\D", "")) : Optional.empty();
    }

    private static Optional<String> next(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 3); j++) {
            if (!lines[j].isBlank()) {
                return first(lines[j]);
            }
        }
        return Optional.empty();
    }

    static Optional<String> first(String line) {
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            String digits = m.group("local").replaceAll("\\D", "");
            String cc = m.group("cc");
            if (cc == null || cc.equals("47")) {
                if (digits.length() == 8 && !looksLikeDate(m.group("local"))) {
                    return Optional.of("+47" + digits);
                }
            }
        }
        return international(line);
    }

    private static Optional<String> international(String line) {
        Matcher m = INTERNATIONAL.matcher(line);
        return m.find() ? Optional.of("+" + m.group(1) + m.group(2).replaceAll("\\D", "")) : Optional.empty();
    }

    private static boolean looksLikeDate(String s) {
        return s.toLowerCase(Locale.ROOT).matches("(0?[1-9]|[12]\\d|3[01])[.](0?[1-9]|1[0-2])[.]\\d{2}[.]\\d{2}");
    }
}
