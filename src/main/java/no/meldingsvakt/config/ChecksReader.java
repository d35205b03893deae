package no.meldingsvakt.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the top-level {@code services} vocabulary and an organisation's {@code checks}. */
final class ChecksReader {
    private ChecksReader() {}

    static Map<String, List<String>> services(Optional<YamlNode> node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.ifPresent(n -> {
            if (!n.isMapping()) {
                n.error("must map a service name to the words that mean it, e.g. PLO: [pleie og omsorg]");
                return;
            }
            for (String name : n.keys()) {
                List<String> words = n.strings(name);
                if (words.isEmpty()) {
                    n.get(name).ifPresent(w -> w.error("list at least one word for service '" + name + "'"));
                }
                out.put(name, List.copyOf(words));
            }
        });
        return Map.copyOf(out);
    }

    static NoticeChecks checks(Optional<YamlNode> node, Map<String, List<String>> services) {
        NoticeChecks d = NoticeChecks.defaults();
        if (node.isEmpty()) {
            return new NoticeChecks(services, d.minNoticeDays(), d.freezePeriods());
        }
        YamlNode n = node.get();
        int days = n.integer("min_notice_days", 0, 365).orElse(d.minNoticeDays());
        List<FreezePeriod> freeze = n.has("freeze_periods") ? freeze(n) : d.freezePeriods();
        n.rejectUnknownKeys(List.of("min_notice_days", "freeze_periods"));
        return new NoticeChecks(services, days, freeze);
    }

    private static List<FreezePeriod> freeze(YamlNode n) {
        List<FreezePeriod> out = new ArrayList<>();
        for (YamlNode p : n.list("freeze_periods")) {
            if (!p.isMapping()) {
                p.error("each freeze period is a mapping with name, from and to");
                continue;
            }
            String name = p.string("name").orElse("frysperiode");
            Optional<DateRule> from = p.requireString("from").flatMap(v -> rule(p, "from", v));
            Optional<DateRule> to = p.requireString("to").flatMap(v -> rule(p, "to", v));
            p.rejectUnknownKeys(List.of("name", "from", "to"));
            if (from.isPresent() && to.isPresent()) {
                out.add(new FreezePeriod(name, from.get(), to.get()));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<DateRule> rule(YamlNode p, String key, String v) {
        Optional<DateRule> r = DateRule.parse(v);
        if (r.isEmpty()) {
            p.get(key).ifPresent(k -> k.error("must be MM-DD, YYYY-MM-DD or easter±N, was '" + v + "'"));
        }
        return r;
    }
}
