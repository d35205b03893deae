package no.meldingsvakt.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.calendar.BusinessCalendar;

/**
 * The console's HTML: Mustache templates from the classpath ({@code /web/*.mustache}), all compiled
 * at start so a broken template stops the service, not a page at 03:00. Everything a template
 * prints with {@code {{…}}} is HTML-escaped; only the layout inserts the page body unescaped.
 */
final class Views {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(BusinessCalendar.OSLO);
    private static final List<String> NAMES = List.of("layout", "login", "overview", "cases", "case", "quarantine", "message", "report");

    private final Map<String, Template> templates = new HashMap<>();

    Views() {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true).zeroIsFalse(true);
        for (String name : NAMES) {
            templates.put(name, compiler.compile(resource("/web/" + name + ".mustache")));
        }
    }

    /** A whole page: the body template inside the layout, with the user's menu. */
    String page(String name, String title, Map<String, Object> values, Optional<Viewer> viewer) {
        Map<String, Object> layout = new HashMap<>();
        layout.put("title", title);
        layout.put("body", templates.get(name).execute(values));
        viewer.ifPresent(v -> {
            layout.put("user", v.user().name());
            layout.put("admin", v.user().admin());
            layout.put("csrf", v.csrf());
        });
        layout.put("nav_" + name, true);
        if (values.get("extraHead") != null) {
            layout.put("extraHead", values.get("extraHead"));
        }
        return templates.get("layout").execute(layout);
    }

    static String resource(String path) {
        try (InputStream in = Views.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(Instant t) {
        return SHOWN.format(t);
    }

    static String time(Optional<Instant> t) {
        return t.map(SHOWN::format).orElse("");
    }

    /** A Norwegian number as people write it (73 86 80 00); anything else as it came. */
    static String phone(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        String local = digits.startsWith("+47") ? digits.substring(3) : digits;
        return local.matches("\\d{8}") ? local.replaceAll("(\\d\\d)(?=\\d)", "$1 ") : phone;
    }

    /** A phone number as a {@code tel:} link target: digits and a leading +. */
    static String tel(String phone) {
        String digits = phone.replaceAll("[^0-9+]", "");
        return digits.length() == 8 ? "+47" + digits : digits;
    }
}
