package no.meldingsvakt.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known key a misspelt one most likely meant: within two edits (or one for short keys), the nearest. */
final class Spelling {
    private Spelling() {}

    static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = no.meldingsvakt.classify.EditDistance.of(t, k.toLowerCase(Locale.ROOT));
            int allowed = Math.min(2, Math.max(1, k.length() / 4));
            if (d <= allowed && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
