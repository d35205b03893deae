package no.meldingsvakt.classify;

import java.util.Optional;
import java.util.Set;

/**
 * The verdict on one message. {@code category} is the notice kind when the subject names one,
 * even for mail a system sent (a planned-downtime notice from a mailing list must still reach
 * staff); {@code automaticReason} tells whether a robot sent it, which forbids any receipt.
 */
public record Classification(Category category, Optional<String> automaticReason, Set<String> services) {
    public boolean automatic() {
        return automaticReason.isPresent();
    }
}
