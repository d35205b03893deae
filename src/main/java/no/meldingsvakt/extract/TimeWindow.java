package no.meldingsvakt.extract;

import java.time.ZonedDateTime;
import java.util.Optional;

/** When a notice says the stop starts and ends (Europe/Oslo). Either end may be unknown. */
public record TimeWindow(Optional<ZonedDateTime> start, Optional<ZonedDateTime> end) {
    public static final TimeWindow NONE = new TimeWindow(Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return start.isEmpty() && end.isEmpty();
    }
}
