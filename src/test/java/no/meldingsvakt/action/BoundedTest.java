package no.meldingsvakt.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import no.meldingsvakt.message.Deadline;
import org.junit.jupiter.api.Test;

class BoundedTest {
    @Test
    void work_that_never_stops_gives_way_to_the_timeout_answer_at_its_deadline() {
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        String r = Bounded.within(Duration.ofMillis(300), "spin", () -> {
            while (!stop.get()) {
                Thread.onSpinWait(); // ignores interrupts, like a runaway regular expression
            }
            return "late";
        }, () -> "quarantined");
        long millis = (System.nanoTime() - start) / 1_000_000;
        stop.set(true);
        assertThat(r).isEqualTo("quarantined");
        assertThat(millis).isBetween(250L, 5_000L);
    }

    @Test
    void the_worker_sees_its_deadline_and_failures_reach_the_caller() {
        assertThat(Bounded.within(Duration.ofSeconds(5), "quick", () -> Deadline.remaining().orElseThrow().toMillis(), () -> -1L))
                .isBetween(1L, 5_000L);
        assertThatThrownBy(() -> Bounded.within(Duration.ofSeconds(5), "fail", () -> {
            throw new IllegalArgumentException("broken");
        }, () -> null)).isInstanceOf(IllegalArgumentException.class).hasMessage("broken");
        assertThat(Deadline.remaining()).as("the caller's thread has no deadline").isEmpty();
    }
}
