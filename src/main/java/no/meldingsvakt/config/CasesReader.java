package no.meldingsvakt.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.classify.Category;

/** Reads an organisation's {@code cases} section: deadlines, reminders, escalation, joining, reply copies. */
final class CasesReader {
    private static final List<String> DEADLINE_KEYS = List.of("reply_within", "remind_before", "repeat_every", "remind", "escalate_after", "escalate_to");
    private static final Set<Category> ANSWERED = java.util.Arrays.stream(Category.values()).filter(Category::answered)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private CasesReader() {}

    static CasePolicy read(Optional<YamlNode> node, Set<String> lists) {
        CasePolicy d = CasePolicy.defaults();
        if (node.isEmpty()) {
            return d;
        }
        YamlNode n = node.get();
        Duration join = n.duration("join_window").orElse(d.joinWindow());
        List<String> cc = n.strings("reply_cc").stream().map(a -> address(n, a)).filter(a -> !a.isEmpty()).toList();
        Optional<String> sent = n.has("sent_folder") ? n.string("sent_folder").filter(s -> !s.isBlank()) : d.sentFolder();
        Map<Category, CasePolicy.Deadline> deadlines = new EnumMap<>(d.deadlines());
        n.get("deadlines").ifPresent(dl -> {
            CasePolicy.Deadline base = dl.get("default").map(x -> deadline(x, CasePolicy.defaultDeadline(), lists)).orElse(CasePolicy.defaultDeadline());
            ANSWERED.forEach(c -> deadlines.put(c, base));
            for (String key : dl.keys()) {
                if (key.equals("default")) {
                    continue;
                }
                Optional<Category> c = Category.fromId(key).filter(ANSWERED::contains);
                YamlNode v = dl.get(key).orElseThrow();
                if (c.isEmpty()) {
                    v.error("deadlines are for " + ANSWERED.stream().map(Category::id).sorted().toList()
                            + " or default (planned downtime is never answered; see cases.planned)");
                } else if (v.isScalar() && "none".equalsIgnoreCase(v.scalar().trim())) {
                    deadlines.remove(c.get());
                } else {
                    deadlines.put(c.get(), deadline(v, base, lists));
                }
            }
        });
        CasePolicy.Planned planned = n.get("planned").map(p -> {
            Optional<BusinessAmount> before = amount(p, "remind_before").or(() -> p.has("remind_before") ? Optional.empty() : d.planned().remindBefore());
            boolean atEnd = p.bool("at_end").orElse(true);
            List<String> l = listNames(p, "remind", lists);
            p.rejectUnknownKeys(List.of("remind_before", "at_end", "remind"));
            return new CasePolicy.Planned(before, atEnd, l);
        }).orElse(d.planned());
        n.rejectUnknownKeys(List.of("join_window", "reply_cc", "sent_folder", "deadlines", "planned"));
        return new CasePolicy(Map.copyOf(deadlines), planned, join, cc, sent);
    }

    private static CasePolicy.Deadline deadline(YamlNode n, CasePolicy.Deadline base, Set<String> lists) {
        if (!n.isMapping()) {
            n.error("a deadline is a mapping with reply_within, remind_before, repeat_every, remind, escalate_after, escalate_to (or 'none')");
            return base;
        }
        CasePolicy.Deadline out = new CasePolicy.Deadline(
                amount(n, "reply_within").orElse(base.replyWithin()),
                n.has("remind_before") ? amount(n, "remind_before") : base.remindBefore(),
                n.has("repeat_every") ? amount(n, "repeat_every") : base.repeatEvery(),
                n.has("remind") ? listNames(n, "remind", lists) : base.remindLists(),
                n.has("escalate_after") ? amount(n, "escalate_after") : base.escalateAfter(),
                n.has("escalate_to") ? listNames(n, "escalate_to", lists) : base.escalateTo());
        if (out.escalateAfter().isPresent() && out.escalateTo().isEmpty()) {
            n.get("escalate_after").ifPresent(e -> e.error("name the lists to escalate to in escalate_to"));
        }
        n.rejectUnknownKeys(DEADLINE_KEYS);
        return out;
    }

    private static Optional<BusinessAmount> amount(YamlNode n, String key) {
        Optional<String> v = n.string(key);
        if (v.isEmpty() || v.get().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Optional<BusinessAmount> a = BusinessAmount.parse(v.get());
        if (a.isEmpty()) {
            n.get(key).ifPresent(k -> k.error("must look like \"1 business day\", \"2 business hours\" or \"30 business minutes\", was '" + v.get() + "'"));
        }
        return a;
    }

    private static List<String> listNames(YamlNode n, String key, Set<String> lists) {
        List<String> out = new java.util.ArrayList<>();
        for (YamlNode item : n.list(key)) {
            String name = item.isScalar() ? item.scalar().trim() : "";
            if (!lists.contains(name)) {
                item.error("no list named '" + name + "' (defined: " + String.join(", ", lists) + ")");
            } else {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** An address, where {@code {sender_domain}} stands for the partner's domain (their meldingsansvarlig, say). */
    private static String address(YamlNode n, String value) {
        try {
            jakarta.mail.internet.InternetAddress a = new jakarta.mail.internet.InternetAddress(value.replace("{sender_domain}", "example.no"), true);
            if (a.getAddress().indexOf('@') > 0 && a.getPersonal() == null) {
                return value.strip();
            }
        } catch (jakarta.mail.internet.AddressException ignored) {
            // reported below
        }
        n.get("reply_cc").ifPresent(k -> k.error("'" + value + "' is not a valid e-mail address"));
        return "";
    }
}
