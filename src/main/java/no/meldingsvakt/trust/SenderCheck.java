package no.meldingsvakt.trust;

import java.util.Optional;

/**
 * Whether a message's From address is shown to be genuine. {@code authenticated} is empty where
 * the organisation verifies nobody ({@code trust: none}); {@code why} says what decided it.
 */
public record SenderCheck(Optional<Boolean> authenticated, String why) {

    public static SenderCheck unchecked() {
        return new SenderCheck(Optional.empty(), "trust: none");
    }

    static SenderCheck pass(String why) {
        return new SenderCheck(Optional.of(true), why);
    }

    static SenderCheck fail(String why) {
        return new SenderCheck(Optional.of(false), why);
    }

    /** Shown to be forged or unproven where the organisation verifies senders. */
    public boolean refuted() {
        return authenticated.isPresent() && !authenticated.get();
    }

    /** Not refuted: authenticated, or the organisation takes From lines at their word. */
    public boolean believed() {
        return !refuted();
    }

    /** For JSON: true, false, or null where nothing is verified. */
    public Boolean json() {
        return authenticated.orElse(null);
    }
}
