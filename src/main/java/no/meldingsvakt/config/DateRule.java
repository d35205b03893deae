package no.meldingsvakt.config;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A day in the year as an administrator writes it: {@code 12-24} (every year), {@code 2026-06-19}
 * (that year only) or {@code easter-7} / {@code easter+1} (relative to Easter Sunday).
 */
public record DateRule(Optional<Integer> year, int month, int day, Optional<Integer> easterOffset, String text) {
    public static Optional<DateRule> parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.matches("easter([+-]\\d{1,3})?")) {
                int offset = t.length() > 6 ? Integer.parseInt(t.substring(6).replace("+", "")) : 0;
                return Optional.of(new DateRule(Optional.empty(), 0, 0, Optional.of(offset), text));
            }
            if (t.matches("\\d{2}-\\d{2}")) {
                LocalDate.of(2024, Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(3)));
                return Optional.of(new DateRule(Optional.empty(), Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(3)), Optional.empty(), text));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(t);
                return Optional.of(new DateRule(Optional.of(d.getYear()), d.getMonthValue(), d.getDayOfMonth(), Optional.empty(), text));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The date in a year, or empty when the rule names another year. */
    public Optional<LocalDate> in(int y, IntFunction<LocalDate> easterSunday) {
        if (easterOffset.isPresent()) {
            return Optional.of(easterSunday.apply(y).plusDays(easterOffset.get()));
        }
        if (year.isPresent() && year.get() != y) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(y, month, day));
    }
}
