package no.meldingsvakt.store;

import java.util.List;
import java.util.Optional;

/**
 * What a notice said that the console and the calendar feed show: who sent it, which organisation
 * and services it is about, the number to call for patient information, its text (capped at
 * {@link #MAX_TEXT} characters; it goes when the case goes), and where it fell short of the
 * routine ({@code problems}: the ids of extract's Problem).
 */
public record NoticeFacts(String partner, Optional<String> organisation, Optional<String> phone, List<String> services, String text,
        List<String> problems) {
    public static final int MAX_TEXT = 20_000;
    public static final NoticeFacts NONE = new NoticeFacts("", Optional.empty(), Optional.empty(), List.of(), "", List.of());

    public NoticeFacts {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n[…]" : text;
    }
}
