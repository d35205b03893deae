package no.meldingsvakt.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.classify.Category;

/**
 * How an organisation follows its cases up: when a reply is due per category, reminders and
 * escalation, planned-downtime reminders, which later mail joins a case, where staff replies are
 * copied, and the Sent folder that shows a reply went out.
 */
public record CasePolicy(
        Map<Category, Deadline> deadlines,
        Planned planned,
        Duration joinWindow,
        List<String> replyCc,
        Optional<String> sentFolder) {

    /**
     * @param remindBefore first reminder this long before the reply is due (none when empty)
     * @param repeatEvery after the due time, remind again this often until answered
     * @param remindLists whom to remind: empty means the lists the notice went to
     * @param escalateAfter escalate once this long after the due time
     * @param escalateTo lists to escalate to
     */
    public record Deadline(BusinessAmount replyWithin, Optional<BusinessAmount> remindBefore, Optional<BusinessAmount> repeatEvery,
            List<String> remindLists, Optional<BusinessAmount> escalateAfter, List<String> escalateTo) {}

    /** @param remindBefore remind the lists this long (business time) before the window starts; {@code atEnd}: say when it should be over */
    public record Planned(Optional<BusinessAmount> remindBefore, boolean atEnd, List<String> lists) {}

    public static final BusinessAmount ONE_DAY = BusinessAmount.parse("1 business day").orElseThrow();

    public static Deadline defaultDeadline() {
        return new Deadline(ONE_DAY, BusinessAmount.parse("2 business hours"), BusinessAmount.parse("1 business day"), List.of(),
                Optional.empty(), List.of());
    }

    public static CasePolicy defaults() {
        Map<Category, Deadline> d = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            if (c.answered()) {
                d.put(c, defaultDeadline());
            }
        }
        return new CasePolicy(d, new Planned(Optional.of(ONE_DAY), true, List.of()), Duration.ofHours(24), List.of(), Optional.of("Sent"));
    }

    public Optional<Deadline> deadline(Category c) {
        return Optional.ofNullable(deadlines.get(c));
    }
}
