package no.meldingsvakt.action;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.extract.NoticeDetails;
import no.meldingsvakt.message.Forward;

/** What the notice says, as template values for the Norwegian summary staff receive. */
final class NoticeValues {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private NoticeValues() {}

    static Map<String, Object> of(Assessment a) {
        NoticeDetails d = a.details();
        Map<String, Object> v = new HashMap<>();
        v.put("noticeOrganisation", d.organisation().orElse(""));
        v.put("windowStart", shown(d.windowStart()));
        v.put("windowEnd", shown(d.windowEnd()));
        v.put("hasWindow", d.windowStart().isPresent() || d.windowEnd().isPresent());
        v.put("phone", d.phone().map(NoticeValues::phone).orElse(""));
        List<Map<String, String>> problems = d.problems().stream().map(p -> Map.of("text", p.norwegian(), "id", p.id())).toList();
        v.put("problems", problems);
        v.put("hasProblems", !problems.isEmpty());
        Optional<Forward> f = a.message().forward();
        v.put("forwarded", f.isPresent());
        v.put("originalSender", f.flatMap(Forward::fromAddress).orElse(""));
        v.put("unverified", a.sender().refuted());
        return v;
    }

    private static String shown(Optional<ZonedDateTime> t) {
        return t.map(SHOWN::format).orElse("");
    }

    /** +4772480000 as Norwegians write it: 72 48 00 00. */
    static String phone(String e164) {
        if (e164.startsWith("+47") && e164.length() == 11) {
            String n = e164.substring(3);
            return n.substring(0, 2) + " " + n.substring(2, 4) + " " + n.substring(4, 6) + " " + n.substring(6);
        }
        return e164;
    }
}
