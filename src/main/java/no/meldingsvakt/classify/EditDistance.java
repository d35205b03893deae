package no.meldingsvakt.classify;

/** How far apart two words are: for typos in subjects and in config keys. */
public final class EditDistance {
    private EditDistance() {}

    /**
     * The known word nearest to {@code typed} (case ignored) within what {@code allowed} permits for
     * that known word; the first of equally near ones. Empty when none is near enough.
     */
    public static java.util.Optional<String> closest(String typed, java.util.Collection<String> known,
            java.util.function.ToIntFunction<String> allowed) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int limit = allowed.applyAsInt(k);
            if (Math.abs(k.length() - t.length()) > limit) {
                continue; // no fewer edits than the difference in length
            }
            int d = of(t, k.toLowerCase(java.util.Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
    public static int of(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
