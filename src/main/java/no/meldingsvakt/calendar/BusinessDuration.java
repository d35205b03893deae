package no.meldingsvakt.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "1 business day", "2 business hours", "30 business minutes" (also "virkedag", "arbeidstimer"),
 * as an amount of business time for one calendar.
 */
public final class BusinessDuration {
    private static final Pattern FORM = Pattern.compile(
            "\\s*(\\d{1,4})\\s*(business\\s+days?|business\\s+hours?|business\\s+minutes?|virkedag(?:er)?|arbeidsdag(?:er)?|arbeidstimer?|timer?|minutt(?:er)?)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private BusinessDuration() {}

    public static Optional<Duration> parse(String text, BusinessCalendar calendar) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.contains("day") || unit.contains("dag")) {
            return Optional.of(calendar.dayLength().multipliedBy(n));
        }
        if (unit.contains("min")) {
            return Optional.of(Duration.ofMinutes(n));
        }
        return Optional.of(Duration.ofHours(n));
    }
}
