package no.meldingsvakt.testing;

import org.junit.jupiter.api.Assumptions;

/** Skips a test that cannot run here, and says why on the console, not only in a report file. */
public final class Skip {
    private Skip() {}

    public static void unless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }
}
