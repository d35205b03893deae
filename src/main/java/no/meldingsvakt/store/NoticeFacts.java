package no.meldingsvakt.store;

import java.util.List;
import java.util.Optional;

/**
 * What a notice said that the console and the calendar feed show: who sent it, which organisation
 * and services it is about, the number to call for patient information, and its text (capped at
 * {@link #MAX_TEXT} characters; it goes when the case goes).
 */
public record NoticeFacts(String partner, Optional<String> organisation, Optional<String> phone, List<String> services, String text) {
    public static final int MAX_TEXT = 20_000;
    public static final NoticeFacts NONE = new NoticeFacts("", Optional.empty(), Optional.empty(), List.of(), "");

    public NoticeFacts {
        services = List.copyOf(services);
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n[…]" : text;
    }
}
