package no.meldingsvakt.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/** Switches the console log to Logback's own JSON encoder (one JSON object per line) when the config asks for it. */
public final class LogFormat {
    private LogFormat() {}

    public static void apply(String format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
            apply(lc, format);
        }
    }

    static void apply(LoggerContext lc, String format) {
        if (!"json".equals(format)) {
            return;
        }
        ch.qos.logback.classic.Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext();) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out) {
                JsonEncoder json = new JsonEncoder();
                json.setContext(lc);
                json.start();
                out.stop();
                out.setEncoder(json);
                out.start();
            }
        }
    }
}
