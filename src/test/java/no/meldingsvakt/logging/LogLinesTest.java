package no.meldingsvakt.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The service's own logback.xml, as an operator's log reader sees it. */
class LogLinesTest {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) ";

    @Test
    void every_event_is_one_dated_line_and_a_forged_line_break_stays_inside_it() throws Exception {
        List<String> lines = log(false, l -> {
            l.info("mailbox {}: subject {}", "kommune", "Feil\r\n2026-03-12T09:00:00.000+01:00 INFO  forged - all is well");
            l.warn("SMTP failed", new IllegalStateException("cannot send", new ConnectException("Connection refused")));
        });
        assertThat(lines).hasSize(2).allMatch(l -> l.matches(TIME + ".*"));
        assertThat(lines.get(0)).contains("subject Feil 2026-03-12T09:00:00.000+01:00 INFO  forged");
        assertThat(lines.get(1)).endsWith("SMTP failed | IllegalStateException: cannot send <- ConnectException: Connection refused");
    }

    @Test
    void the_stack_trace_follows_only_at_debug() throws Exception {
        List<String> lines = log(true, l -> l.warn("SMTP failed", new IllegalStateException("cannot send")));
        assertThat(lines.get(0)).endsWith("SMTP failed | IllegalStateException: cannot send");
        assertThat(lines).anyMatch(l -> l.contains("at no.meldingsvakt.logging.LogLinesTest"));
    }

    @Test
    void json_format_writes_one_json_object_per_event() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext lc = context(false, out);
        LogFormat.apply(lc, "json");
        ((ch.qos.logback.core.OutputStreamAppender<?>) lc.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT")).setOutputStream(out);
        lc.getLogger("x").info("line\nbreak");
        lc.stop();
        String s = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(s.lines().toList()).singleElement().asString().startsWith("{").contains("\"level\":\"INFO\"").contains("line\\nbreak");
    }

    private static List<String> log(boolean debug, java.util.function.Consumer<Logger> work) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext lc = context(debug, out);
        work.accept(lc.getLogger("no.meldingsvakt.Test"));
        lc.stop();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The service's logback.xml, its console appender writing into {@code out}. */
    private static LoggerContext context(boolean debug, ByteArrayOutputStream out) throws Exception {
        try {
            LoggerContext lc = new LoggerContext();
            lc.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
            JoranConfigurator j = new JoranConfigurator();
            j.setContext(lc);
            j.doConfigure(java.nio.file.Path.of("src/main/resources/logback.xml").toFile());
            assertThat(lc.getStatusManager().getCopyOfStatusList()).as("logback.xml loads cleanly")
                    .noneMatch(st -> st.getEffectiveLevel() >= ch.qos.logback.core.status.Status.WARN);
            if (debug) {
                lc.getLogger("no.meldingsvakt").setLevel(Level.DEBUG);
            }
            ((ch.qos.logback.core.OutputStreamAppender<?>) lc.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT")).setOutputStream(out);
            return lc;
        } catch (ch.qos.logback.core.joran.spi.JoranException e) {
            throw new IOException(e);
        }
    }
}
