package no.meldingsvakt.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of business time as an administrator writes it: "1 business day", "2 business
 * hours", "30 business minutes". Days are as long as the organisation's business hours, so the
 * duration depends on the calendar it is used with.
 */
public record BusinessAmount(long count, Unit unit, String text) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*(\\d{1,4})\\s*(business\\s+days?|business\\s+hours?|business\\s+minutes?|virkedag(?:er)?|arbeidsdag(?:er)?|arbeidstimer?|timer?|minutt(?:er)?)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public enum Unit { DAYS, HOURS, MINUTES }

    public static Optional<BusinessAmount> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        Unit u = unit.contains("day") || unit.contains("dag") ? Unit.DAYS : unit.contains("min") ? Unit.MINUTES : Unit.HOURS;
        return Optional.of(new BusinessAmount(Long.parseLong(m.group(1)), u, text.strip()));
    }

    /** The business time this amount stands for, for a calendar whose business day lasts {@code dayLength}. */
    public Duration duration(Duration dayLength) {
        return switch (unit) {
            case DAYS -> dayLength.multipliedBy(count);
            case HOURS -> Duration.ofHours(count);
            case MINUTES -> Duration.ofMinutes(count);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
