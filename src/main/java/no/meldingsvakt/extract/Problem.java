package no.meldingsvakt.extract;

/** A way a notice falls short of the routine. Shown to staff and audited; never sent to the partner. */
public enum Problem {
    NO_PHONE("no-phone", "Mangler telefonnummer for pasientrelatert informasjon"),
    NO_TIME("no-time", "Mangler tidspunkt"),
    LATE_NOTICE("late-notice", "Planlagt stopp varslet mindre enn en uke før"),
    FREEZE_PERIOD("freeze-period", "Planlagt arbeid i en frysperiode (skoleferie)"),
    NO_EXPECTED_END("no-expected-end", "Mangler når normal meldingsutveksling ventes tilbake");

    private final String id;
    private final String norwegian;

    Problem(String id, String norwegian) {
        this.id = id;
        this.norwegian = norwegian;
    }

    public String id() {
        return id;
    }

    public String norwegian() {
        return norwegian;
    }
}
