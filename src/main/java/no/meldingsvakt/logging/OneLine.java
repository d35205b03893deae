package no.meldingsvakt.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/** {@code %oneLine}: the formatted message with every control character and line separator made a space. */
public final class OneLine extends ClassicConverter {
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    @Override
    public String convert(ILoggingEvent event) {
        return clean(event.getFormattedMessage());
    }

    static String clean(String s) {
        return s == null ? "" : BREAKS.matcher(s).replaceAll(" ");
    }
}
