package no.meldingsvakt.classify;

import java.util.Arrays;
import java.util.Optional;

/** What a message to the meldingsansvarlig address is, by the routine's standard subject lines. */
public enum Category {
    PLANNED("planned", "Planlagt stopp"),
    ERROR("error", "Feil i meldingsutveksling"),
    MISSING_RECEIPT("missing-receipt", "Manglende kvittering"),
    IMPORTANT_INFO("important-info", "Viktig informasjon"),
    AUTOMATIC("automatic", "Automatisk e-post"),
    UNKNOWN("unknown", "Annen henvendelse");

    private final String id;
    private final String norwegian;

    Category(String id, String norwegian) {
        this.id = id;
        this.norwegian = norwegian;
    }

    /** The stable name used in config files, logs and JSON. */
    public String id() {
        return id;
    }

    /** The label staff see in redistributed mail. */
    public String norwegian() {
        return norwegian;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id.trim())).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Category::id).toList());
    }
}
