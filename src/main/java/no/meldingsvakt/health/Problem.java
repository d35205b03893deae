package no.meldingsvakt.health;

/** What can keep Meldingsvakt from doing its job for an organisation. */
public enum Problem {
    UNWATCHED("unwatched", "Postkassen overvåkes ikke"),
    LOGIN("login", "Innloggingen feiler"),
    UNDELIVERABLE("undeliverable", "E-post kan ikke sendes");

    private final String id;
    private final String title;

    Problem(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** The Norwegian headline staff see. */
    public String title() {
        return title;
    }

    public static Problem fromId(String id) {
        for (Problem p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
