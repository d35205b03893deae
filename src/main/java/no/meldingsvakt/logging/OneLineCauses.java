package no.meldingsvakt.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %causes}: an event's exception and its causes on the event's own line
 * ({@code  | IOException: refused <- ConnectException: Connection refused}); the stack trace
 * follows on lines of its own only when the event's logger is at debug.
 */
public final class OneLineCauses extends ThrowableHandlingConverter {
    private final ThrowableProxyConverter stack = new ThrowableProxyConverter();

    @Override
    public void start() {
        stack.setContext(getContext());
        stack.start();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" | ");
        int depth = 0;
        for (IThrowableProxy c = t; c != null && depth < 8; c = c.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            String name = c.getClassName();
            sb.append(name.substring(name.lastIndexOf('.') + 1));
            if (c.getMessage() != null) {
                sb.append(": ").append(c.getMessage());
            }
        }
        String line = OneLine.clean(sb.toString());
        if (getContext() instanceof LoggerContext lc) {
            Logger logger = lc.getLogger(event.getLoggerName());
            if (logger.isDebugEnabled()) {
                return line + System.lineSeparator() + stack.convert(event);
            }
        }
        return line;
    }
}
