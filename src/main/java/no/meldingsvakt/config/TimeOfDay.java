package no.meldingsvakt.config;

/** Route condition on when a message arrived, judged by the organisation's business calendar. */
public enum TimeOfDay {
    BUSINESS_HOURS, AFTER_HOURS
}
