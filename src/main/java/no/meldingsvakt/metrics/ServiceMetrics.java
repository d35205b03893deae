package no.meldingsvakt.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.health.Health;
import no.meldingsvakt.store.Intake;

/**
 * The service's meters, under the names the README documents. Counters move when an intake is
 * committed; gauges over the store are read at scrape time through {@link StoreFigures}, which
 * asks the store at most once per few seconds however often Prometheus scrapes.
 */
public final class ServiceMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> notices = new ConcurrentHashMap<>();
    private final Timer processing;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Held here because Micrometer's gauges hold their object only weakly. */
    private final StoreFigures figures;
    private final Health health;

    public ServiceMetrics(AppConfig config, Health health, StoreFigures figures) {
        this.figures = figures;
        this.health = health;
        processing = Timer.builder("meldingsvakt.processing").description("Time from fetching a message to its intake committed")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
        FunctionCounter.builder("meldingsvakt.smtp.failures", health, h -> h.smtpFailuresTotal())
                .description("Failed SMTP attempts (each retry counts)").register(registry);
        for (var org : config.organisations()) {
            Gauge.builder("meldingsvakt.mailbox.last.watched.timestamp", health,
                            h -> h.snapshot(org.id()).lastWatched().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                    .baseUnit("seconds").tag("mailbox", org.id())
                    .description("When this instance last saw the mailbox's connection alive (NaN: not watched here)").register(registry);
        }
        Gauge.builder("meldingsvakt.outbox.pending", figures, f -> f.get().outboxPending()).description("Mails waiting to be sent")
                .register(registry);
        Gauge.builder("meldingsvakt.cases.open", figures, f -> f.get().casesOpen()).description("Cases not closed").register(registry);
        Gauge.builder("meldingsvakt.cases.overdue", figures, f -> f.get().casesOverdue()).description("Cases whose reply is overdue")
                .register(registry);
        Gauge.builder("meldingsvakt.alerts.open", figures, f -> f.get().alertsOpen()).description("Health alerts not cleared").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** An intake was committed: a notice counted under its category (duplicates are not notices). */
    public void recorded(Intake in, Duration took) {
        if (in.status() == Intake.MessageStatus.DUPLICATE) {
            return;
        }
        String category = in.status() == Intake.MessageStatus.QUARANTINED ? "quarantined"
                : in.category() == null || in.category().isBlank() ? "unknown" : in.category().toLowerCase(Locale.ROOT);
        notices.computeIfAbsent(category, c -> Counter.builder("meldingsvakt.notices").tag("category", c)
                .description("Messages taken in, by category").register(registry)).increment();
        if (!took.isZero()) {
            processing.record(took);
        }
    }

    StoreFigures figures() {
        return figures;
    }

    /** The Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
