package no.meldingsvakt.extract;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** What a notice says, and where it falls short of the routine. */
public record NoticeDetails(Optional<String> organisation, TimeWindow window, Optional<String> phone, List<Problem> problems) {
    public static final NoticeDetails NONE = new NoticeDetails(Optional.empty(), TimeWindow.NONE, Optional.empty(), List.of());

    public Optional<ZonedDateTime> windowStart() {
        return window.start();
    }

    public Optional<ZonedDateTime> windowEnd() {
        return window.end();
    }
}
