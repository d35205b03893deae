package no.meldingsvakt.trust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.TrustConfig;
import no.meldingsvakt.message.Addresses;
import no.meldingsvakt.message.Headers;
import no.meldingsvakt.message.ParsedMessage;

/**
 * Decides whether the From address of a message is genuine, from the {@code Authentication-Results}
 * that the organisation's own receiving server wrote. Every other field was chosen by the sender:
 * only results under a trusted authserv-id count, and only those at the top of the message —
 * the block above the first {@code Received} field that follows them. A forged field further down,
 * even under our own id, was there before our server saw the message. Where one method is reported
 * twice, the topmost verdict wins.
 */
public final class SenderTrust {
    static final String AUTH_AS = "X-MS-Exchange-Organization-AuthAs";

    private SenderTrust() {}

    public static SenderCheck check(TrustConfig trust, ParsedMessage m) {
        if (trust.verification().isEmpty()) {
            return SenderCheck.unchecked();
        }
        TrustConfig.Verification v = trust.verification().get();
        if (m.fromAddress().isEmpty()) {
            return SenderCheck.fail("no From address");
        }
        String from = m.fromAddress().get();
        String fromDomain = Addresses.domain(from);
        if (v.exchangeOnline()) {
            // Exchange strips X-MS-Exchange-Organization-* fields from mail that enters the tenant,
            // so this one was written inside it: a sender who logged in to the tenant.
            Optional<String> authAs = m.headers().first(AUTH_AS);
            if (authAs.isPresent() && authAs.get().equalsIgnoreCase("internal") && trust.ownDomain(from)) {
                return SenderCheck.pass("sent inside the Exchange Online tenant (AuthAs: Internal)");
            }
        }
        List<AuthResults> ours = v.exchangeOnline() ? exchangeResults(m.headers(), v) : trustedBlock(m.headers(), v.authservIds());
        if (ours.isEmpty()) {
            return SenderCheck.fail("no Authentication-Results from " + (v.exchangeOnline() ? "Exchange Online" : String.join("/", v.authservIds())));
        }
        Map<String, AuthResults.Result> topmost = new HashMap<>();
        for (AuthResults ar : ours) {
            for (AuthResults.Result r : ar.results()) {
                topmost.putIfAbsent(r.method(), r);
            }
        }
        AuthResults.Result dmarc = topmost.get("dmarc");
        if (dmarc != null && dmarc.passed() && dmarc.property("header.from").map(d -> d.equals(fromDomain)).orElse(true)) {
            return SenderCheck.pass("dmarc=pass header.from=" + fromDomain);
        }
        AuthResults.Result auth = topmost.get("auth");
        if (auth != null && auth.passed() && trust.ownDomain(from)) {
            return SenderCheck.pass("auth=pass (logged in to our own server)");
        }
        if (v.require() == TrustConfig.Require.ALIGNED) {
            AuthResults.Result dkim = topmost.get("dkim");
            if (dkim != null && dkim.passed() && dkim.property("header.d").or(() -> dkim.property("header.i").map(Addresses::domain))
                    .map(d -> Addresses.related(d, fromDomain)).orElse(false)) {
                return SenderCheck.pass("dkim=pass aligned with " + fromDomain);
            }
            AuthResults.Result spf = topmost.get("spf");
            if (spf != null && spf.passed() && spf.property("smtp.mailfrom").map(d -> Addresses.related(d, fromDomain)).orElse(false)) {
                return SenderCheck.pass("spf=pass aligned with " + fromDomain);
            }
        }
        return SenderCheck.fail(dmarc == null ? "no DMARC result for " + fromDomain : "dmarc=" + dmarc.result() + " for " + fromDomain);
    }

    /** Fields a sender writes; our receiving server writes its results above all of them. */
    private static final java.util.Set<String> CONTENT = java.util.Set.of("from", "to", "cc", "subject", "date", "message-id",
            "reply-to", "mime-version", "content-type", "in-reply-to", "references", "sender");

    /**
     * The Authentication-Results under a trusted id at the top of the header: down to the next
     * Received field after the first of them, and never past the first field a sender writes.
     */
    static List<AuthResults> trustedBlock(Headers headers, List<String> authservIds) {
        List<AuthResults> out = new ArrayList<>();
        for (Headers.Field f : headers.all()) {
            if ((f.is("Received") && !out.isEmpty()) || CONTENT.contains(f.name().toLowerCase(Locale.ROOT))) {
                break;
            }
            if (f.is("Authentication-Results")) {
                AuthResults ar = AuthResults.parse(f.value());
                if (ar.authservId().filter(authservIds::contains).isPresent()) {
                    out.add(ar);
                }
            }
        }
        return out;
    }

    /** Exchange Online writes one field, with no authserv-id, above anything the sender wrote: only the topmost counts. */
    private static List<AuthResults> exchangeResults(Headers headers, TrustConfig.Verification v) {
        for (Headers.Field f : headers.all()) {
            if (f.is("Authentication-Results")) {
                AuthResults ar = AuthResults.parse(f.value());
                boolean ours = ar.authservId().map(v.authservIds()::contains).orElse(true);
                return ours ? List.of(ar) : List.of();
            }
        }
        return List.of();
    }
}
