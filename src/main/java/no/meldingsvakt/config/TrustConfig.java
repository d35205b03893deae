package no.meldingsvakt.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose mail an organisation believes. {@code verification} is empty for {@code trust: none}: the
 * From line is then taken at its word (an explicit choice, warned about). {@code ownDomains} are the
 * organisation's own mail domains: staff write from these, and only these can answer a case.
 */
public record TrustConfig(Optional<Verification> verification, List<String> ownDomains) {

    /**
     * How a sender is authenticated: the {@code Authentication-Results} of the organisation's own
     * receiving servers (their authserv-ids), or Exchange Online's form.
     */
    public record Verification(List<String> authservIds, boolean exchangeOnline, Require require) {}

    /** What counts as authenticated: a DMARC pass only, or also a DKIM/SPF pass aligned with the From domain. */
    public enum Require { DMARC, ALIGNED }

    public static TrustConfig none(List<String> ownDomains) {
        return new TrustConfig(Optional.empty(), List.copyOf(ownDomains));
    }

    public boolean none() {
        return verification.isEmpty();
    }

    /** Whether an address is at one of the organisation's own domains (or a subdomain of one). */
    public boolean ownDomain(String address) {
        String d = no.meldingsvakt.message.Addresses.domain(address);
        return ownDomains.stream().anyMatch(o -> d.equals(o) || d.endsWith("." + o));
    }

    /** One line for check-config and the start log. */
    public String describe() {
        if (verification.isEmpty()) {
            return "none (From lines are believed; no sender is verified)";
        }
        Verification v = verification.get();
        String source = v.exchangeOnline() ? "Exchange Online" : "authserv-id " + String.join(", ", v.authservIds());
        return source + ", requires " + (v.require() == Require.DMARC ? "DMARC pass" : "DMARC or aligned DKIM/SPF pass")
                + "; own domains " + String.join(", ", ownDomains);
    }
}
