package no.meldingsvakt.action;

/** Whether a receipt is sent, and why, in English for the audit trail and in Norwegian for staff. */
public record ReceiptDecision(boolean send, String why, String norwegian) {
    static ReceiptDecision no(String why, String norwegian) {
        return new ReceiptDecision(false, why, norwegian);
    }
}
