package no.meldingsvakt.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an organisation's {@code trust} and {@code own_domains}. {@code trust} is required: either
 * the authserv-ids of the organisation's own receiving servers, Exchange Online's form, or the
 * explicit word {@code none}.
 */
final class TrustReader {
    private static final String HOW = "give trust: {authserv_ids: [your receiving server's id]}, trust: {exchange_online: true},"
            + " or trust: none (From lines are then believed; see the README's Security section)";

    private TrustReader() {}

    static TrustConfig read(YamlNode o, String address, YamlNode.ErrorSink errors) {
        List<String> own = new ArrayList<>();
        for (String d : o.strings("own_domains")) {
            String v = d.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (!v.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                o.get("own_domains").ifPresent(n -> n.error("'" + d + "' is not a domain name"));
            } else {
                own.add(v);
            }
        }
        if (own.isEmpty() && address.contains("@")) {
            own.add(address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        Optional<YamlNode> node = o.get("trust");
        if (node.isEmpty()) {
            errors.at(o.raw(), o.child("trust"), "missing required key: " + HOW);
            return TrustConfig.none(own);
        }
        YamlNode t = node.get();
        if (t.isScalar()) {
            if (!t.scalar().strip().equalsIgnoreCase("none")) {
                t.error("must be none or a mapping; " + HOW);
            }
            return TrustConfig.none(own);
        }
        if (!t.isMapping()) {
            t.error(HOW);
            return TrustConfig.none(own);
        }
        List<String> ids = t.strings("authserv_ids").stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        boolean exchange = t.bool("exchange_online").orElse(false);
        if (ids.isEmpty() && !exchange) {
            t.error("name the authserv_ids of your own receiving servers (or exchange_online: true); " + HOW);
        }
        String req = t.string("require").orElse("dmarc").toLowerCase(Locale.ROOT);
        TrustConfig.Require require = switch (req) {
            case "dmarc" -> TrustConfig.Require.DMARC;
            case "aligned" -> TrustConfig.Require.ALIGNED;
            default -> {
                t.get("require").ifPresent(n -> n.error("must be dmarc or aligned, was '" + req + "'"));
                yield TrustConfig.Require.DMARC;
            }
        };
        t.rejectUnknownKeys(List.of("authserv_ids", "exchange_online", "require"));
        return new TrustConfig(Optional.of(new TrustConfig.Verification(List.copyOf(ids), exchange, require)), List.copyOf(own));
    }
}
