package no.meldingsvakt.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates, clock times and windows in Norwegian text as people write them: {@code 12.03.2025 kl.
 * 16:00-20:00}, {@code 12.03.25 kl 16.00 – 13.03.25 kl 08.00}, {@code tirsdag 12. mars 2025 fra kl
 * 18:00 til kl 22:00}, {@code 26/3-2025 1600-2000}, hours without minutes, "i dag" and "i morgen".
 * A date without a year is the next occurrence on or after the reference date (for an incident,
 * whose start lies in the past, the nearest one). A clock time without a date takes the date
 * written before it. An end earlier than its start on the same date runs past midnight.
 */
final class TimeExpressions {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String WEEKDAY = "mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|man|tir|ons|tor|fre|lør|søn|mon|tue|wed|thu|fri|sat|sun";
    private static final String MONTH = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
            + "|january|february|march|may|june|july|october|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|des|dec";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("des", 12), Map.entry("dec", 12));
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<iso>(?<![\\d.])(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?:[T ](?<ih>\\d{2})[:.](?<imin>\\d{2}))?)",
            "(?<text>(?:\\b(?:" + WEEKDAY + ")\\.?,?\\s+)?(?:den\\s+)?(?<![\\d.])(?<td>\\d{1,2})\\.?\\s*(?<tm>" + MONTH + ")(?!\\p{L})\\.?(?:,?\\s+(?<ty>\\d{4})(?!\\d))?)",
            "(?<num>(?:\\b(?:" + WEEKDAY + ")\\.?,?\\s+)?(?:den\\s+)?(?<![\\d.:/])(?<nd>\\d{1,2})\\.(?<nm>\\d{1,2})\\.(?<ny>\\d{4}|\\d{2})(?![\\d]))",
            "(?<slash>(?<![\\d.:/])(?<sd>\\d{1,2})/(?<sm>\\d{1,2})(?:[-/.](?<sy>\\d{4}|\\d{2}))?(?![\\d/]))",
            // After a weekday "11.03" is a date whatever follows; alone it needs a clue that it is no clock time.
            "(?<short>\\b(?:" + WEEKDAY + ")\\.?,?\\s+(?:den\\s+)?(?<wsd>0?[1-9]|[12]\\d|3[01])\\.(?<wsm>0?[1-9]|1[0-2])(?![\\d:]|\\.\\d)"
                    + "|(?:den\\s+)?(?<![\\d.:/])(?<hd>0?[1-9]|[12]\\d|3[01])\\.(?<hm>0?[1-9]|1[0-2])(?:\\.(?!\\d)|(?=\\s*(?:kl|,|fra\\b|til\\b|\\d{1,2}[:.]\\d{2}(?!\\d)|\\d{1,2}\\s*[-–]\\s*\\d{1,2}(?![\\d.:])))))",
            "(?<between>\\bmellom\\s+(?:(?:kl|klokka|klokken)\\.?\\s*)?(?<bh>[01]?\\d|2[0-3])(?:[:.](?<bm>[0-5]\\d))?\\s+og\\s+(?:(?:kl|klokka|klokken)\\.?\\s*)?"
                    + "(?<bh2>[01]?\\d|2[0-4])(?:[:.](?<bm2>[0-5]\\d))?(?![\\d.:/]))",
            // "kl. 1600" is 16:00 as well.
            "(?<kl>\\b(?:kl|klokka|klokken|kloka)\\.?\\s*(?<kh>[01]?\\d|2[0-4])(?:[:.]?(?<km>[0-5]\\d))?(?![\\d])(?:\\s*(?:-|–|—|til)\\s*(?:kl\\.?\\s*)?(?<kh2>[01]?\\d|2[0-4])(?:[:.]?(?<km2>[0-5]\\d))?(?![\\d]|[.:]\\d))?)",
            "(?<eod>\\but\\s+dagen\\b|\\bresten\\s+av\\s+dagen\\b|\\bdagen\\s+ut\\b)",
            "(?<hours>(?<![\\d.:/])(?<hh>[01]?\\d|2[0-3])\\s*(?:-|–|—)\\s*(?<hh2>[01]?\\d|2[0-4])(?![\\d.:/]))",
            "(?<four>(?<![\\d.:/])(?<fh>[01]\\d|2[0-3])(?<fm>[0-5]\\d)\\s*(?:-|–|—)\\s*(?<fh2>[01]\\d|2[0-4])(?<fm2>[0-5]\\d)(?!\\d))",
            "(?<time>(?<![\\d.:/\\p{L}])(?<th>[01]?\\d|2[0-4])(?::|(?<=\\d\\d)\\.)(?<tmin>[0-5]\\d)(?!\\d)(?![.:]\\d))",
            "(?<rel>\\b(?:i\\s?dag|i\\s?kveld|i\\s?morgen|i\\s?morgon|i\\s?natt|i\\s?ettermiddag|i\\s?formiddag|i\\s?morges|i\\s?forgårs|i\\s?går|today|tonight|tomorrow|yesterday)\\b)",
            "(?<night>\\bnatt(?:a|en)?\\s+til\\b)",
            "(?<wd>\\b(?<wdn>mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag)(?:en)?\\b)",
            "(?<sep>\\s[-–—]\\s|(?<=\\d)\\s?[-–—]\\s?|\\btil og med\\b|\\btil\\b|\\bto\\b|\\buntil\\b|\\bog\\b|\\band\\b)",
            "(?<start>\\bfra\\b|\\bfrom\\b|\\bstart\\w*|\\bbegynt\\w*|\\boppst[åo]d?\\w*|\\bsiden\\b|\\bsince\\b|\\bf\\.?o\\.?m\\b|\\bvarighet\\b)",
            "(?<end>\\bforvent\\w*|\\bventes\\b|\\bantatt\\w*|\\bantar\\b|\\bestimert\\w*|\\bberegnet\\b|\\bslutt\\w*|\\bferdig\\w*|\\bnormal\\w*"
                    + "|\\btilbake\\b|\\boppe igjen\\b|\\bgjenoppr\\w*|\\bløst\\b|\\bt\\.?o\\.?m\\b|\\bexpected\\b|\\binnen\\b|\\bregner med\\b|\\brettet\\b|\\beta\\b)"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** "16-20 onsdag 11.03": hours followed at once by their date are hours, not a count. */
    private static final Pattern DATE_FOLLOWS = Pattern.compile("[\\s,]*(?:den\\s+|on\\s+)?(?:(?:" + WEEKDAY + ")\\b|\\d{1,2}\\.\\s*(?:" + MONTH
            + ")|\\d{1,2}[./]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|i\\s?dag|i\\s?morgen|i\\s?kveld)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How long the work takes, for a notice that gives its start and a duration instead of an end. */
    private static final Pattern DURATION = Pattern.compile("(?:\\bvar(?:er|ighet)|\\bberegnet|\\bestimert|\\bforventet|\\bantatt|\\bnedetid)"
            + "[^\\n\\d]{0,30}?(?<n>\\d{1,2}(?:[.,]5)?)\\s*(?<unit>timer|time|t\\b|minutter|min\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How far apart two points may be and still be one "from – to" written together. */
    private static final int RANGE_GAP = 40;
    /** How far a cue word ("fra", "forventet") may stand before the time it qualifies. */
    private static final int CUE_GAP = 60;

    enum Cue { NONE, START, END }

    /** One moment the text names. {@code dateGiven} is false when the date was taken from context. */
    record Point(LocalDate date, Optional<LocalTime> time, boolean dayAfter, boolean dateGiven, int from, int to, Cue cue) {
        ZonedDateTime at() {
            LocalDateTime t = date.atTime(time.orElse(LocalTime.MIDNIGHT));
            return ZonedDateTime.of(dayAfter ? t.plusDays(1) : t, OSLO);
        }

        /** The end of a date given without a time is the end of that day. */
        ZonedDateTime asEnd() {
            return time.isPresent() ? at() : ZonedDateTime.of(date.plusDays(1).atStartOfDay(), OSLO);
        }
    }

    record Range(Point start, Point end) {
        ZonedDateTime startAt() {
            return start.at();
        }

        ZonedDateTime endAt() {
            ZonedDateTime s = start.at();
            ZonedDateTime e = end.asEnd();
            // "22:00-02:00" on one date: the end is on the next day.
            return e.isBefore(s) && !end.dateGiven() ? e.plusDays(1) : e;
        }
    }

    record Found(List<Point> points, List<Range> ranges) {}

    private final LocalDate reference;
    private final boolean future;

    /**
     * @param future true when the text announces something ahead (planned downtime): a date without
     *     a year is then never before the reference date
     */
    TimeExpressions(LocalDate reference, boolean future) {
        this.reference = reference;
        this.future = future;
    }

    Found find(String text) {
        List<Object> items = new ArrayList<>(); // Points, Seps (int[]) and cues, in text order
        Matcher m = TOKEN.matcher(text);
        LocalDate pending = null;
        int pendingFrom = -1;
        int pendingTo = -1;
        boolean pendingWritten = false;
        LocalDate last = null;
        Cue cue = Cue.NONE;
        int cueEnd = -1;
        // "natt til torsdag 12. mars, kl 23-03": the evening hours belong to the day before.
        boolean nightBefore = false;
        boolean expectedEnd = false; // the END cue is a word like "forventet", not the separator "til"
        LocalDate nightOf = null;
        while (m.find()) {
            if (m.group("night") != null) {
                nightBefore = true;
                continue;
            }
            if (m.group("start") != null || m.group("end") != null) {
                // "normal drift forventes fra kl 13:30": the "fra" is part of the expected end.
                if (m.group("start") != null && expectedEnd && m.start() - cueEnd <= 12) {
                    cueEnd = m.end();
                    continue;
                }
                cue = m.group("start") != null ? Cue.START : Cue.END;
                expectedEnd = cue == Cue.END;
                cueEnd = m.end();
                continue;
            }
            if (m.group("sep") != null) {
                items.add(new int[] {m.start(), m.end()});
                if (m.group("sep").strip().equalsIgnoreCase("til") || m.group("sep").strip().equalsIgnoreCase("until")) {
                    // "Til: 12.03 kl 20" on its own line is a label for the end.
                    cue = Cue.END;
                    expectedEnd = false;
                    cueEnd = m.end();
                }
                continue;
            }
            Optional<LocalDate> date = date(m);
            if (date.isPresent()) {
                if (pending != null && pendingWritten) {
                    items.add(new Point(pending, Optional.empty(), false, true, pendingFrom, pendingTo, cueFor(cue, cueEnd, pendingFrom)));
                }
                pending = null;
                last = date.get();
                nightOf = nightBefore ? date.get() : null;
                nightBefore = false;
                // "fra kl 17 til kl 19 den 03.06.2025", "kl 08:10 i dag": the date follows its times.
                if (m.group("iso") == null && redate(items, date.get(), text, m.start())) {
                    continue;
                }
                pending = date.get();
                pendingFrom = m.start();
                pendingTo = m.end();
                // A bare weekday or "i dag" dates the times around it but is no moment of its own.
                pendingWritten = m.group("rel") == null && m.group("wd") == null;
                if (m.group("iso") != null && m.group("ih") != null) {
                    items.add(point(pending, time(m.group("ih"), m.group("imin")), true, pendingFrom, m.end(), cueFor(cue, cueEnd, pendingFrom)));
                    pending = null;
                }
                continue;
            }
            List<int[]> times = times(m);
            if (times.isEmpty()) {
                continue;
            }
            if (m.group("four") != null && last == null) {
                continue; // "2024-2025" is a span of years unless a date stands before it
            }
            // "fra 16-20" or "12.03 16-20" are hours; "3-4 timer" or "side 2-3" are not.
            if (m.group("hours") != null && !(pending != null && m.start() - pendingTo <= 12
                    || cue == Cue.START && m.start() - cueEnd <= 6 && text.substring(cueEnd, m.start()).isBlank()
                    || DATE_FOLLOWS.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 40)).lookingAt())) {
                continue;
            }
            LocalDate d = pending != null ? pending : last != null ? last : reference;
            boolean given = pending != null;
            int from = pending != null ? pendingFrom : m.start();
            Cue pointCue = cueFor(cue, cueEnd, from) != Cue.NONE ? cueFor(cue, cueEnd, from) : cueFor(cue, cueEnd, m.start());
            pending = null;
            for (int i = 0; i < times.size(); i++) {
                if (i > 0) {
                    items.add(new int[] {m.start(), m.end()});
                }
                int[] t = times.get(i);
                LocalDate day = d.equals(nightOf) && t[0] >= 12 ? d.minusDays(1) : d;
                items.add(point(day, t, i == 0 && given, i == 0 ? from : m.start(), m.end(), i == 0 ? pointCue : Cue.NONE));
            }
            cue = Cue.NONE;
        }
        if (pending != null && pendingWritten) {
            items.add(new Point(pending, Optional.empty(), false, true, pendingFrom, pendingTo, cueFor(cue, cueEnd, pendingFrom)));
        }
        items.sort((a, b) -> Integer.compare(pos(a), pos(b)));
        List<Point> points = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Point p) {
                points.add(p);
                if (i + 2 < items.size() && items.get(i + 1) instanceof int[] && items.get(i + 2) instanceof Point q
                        && q.from() - p.to() <= RANGE_GAP) {
                    ranges.add(new Range(p, q.dateGiven() || q.time().isEmpty() ? q : withDate(q, p.date())));
                }
            }
        }
        return new Found(points, ranges);
    }

    /**
     * Gives a date written just after some clock times to those times, when they had no date of
     * their own. Returns whether the date was used so.
     */
    private static boolean redate(List<Object> items, LocalDate date, String text, int dateAt) {
        int i = items.size() - 1;
        if (i < 0 || !(items.get(i) instanceof Point p) || p.dateGiven() || p.time().isEmpty()
                || !text.substring(p.to(), dateAt).matches("(?i)[\\s,]*(den|on|the)?[\\s,]*")) {
            return false;
        }
        for (; i >= 0; i--) {
            Object item = items.get(i);
            if (item instanceof Point q) {
                if (q.dateGiven()) {
                    break;
                }
                items.set(i, new Point(date, q.time(), q.dayAfter(), true, q.from(), q.to(), q.cue()));
            } else if (i == 0 || !(items.get(i - 1) instanceof Point)) {
                break;
            }
        }
        return true;
    }

    private static Point withDate(Point q, LocalDate date) {
        return new Point(date, q.time(), q.dayAfter(), false, q.from(), q.to(), q.cue());
    }

    private static Cue cueFor(Cue cue, int cueEnd, int pointFrom) {
        return cue != Cue.NONE && pointFrom >= cueEnd && pointFrom - cueEnd <= CUE_GAP ? cue : Cue.NONE;
    }

    private static int pos(Object item) {
        return item instanceof Point p ? p.from() : ((int[]) item)[0];
    }

    private static Point point(LocalDate d, int[] t, boolean given, int from, int to, Cue cue) {
        boolean dayAfter = t[0] == 24;
        return new Point(d, Optional.of(LocalTime.of(dayAfter ? 0 : t[0], t[1])), dayAfter, given, from, to, cue);
    }

    private static int[] time(String h, String min) {
        return new int[] {Integer.parseInt(h), min == null ? 0 : Integer.parseInt(min)};
    }

    private static List<int[]> times(Matcher m) {
        List<int[]> out = new ArrayList<>();
        if (m.group("eod") != null) {
            add(out, "24", null);
        } else if (m.group("between") != null) {
            add(out, m.group("bh"), m.group("bm"));
            add(out, m.group("bh2"), m.group("bm2"));
        } else if (m.group("kl") != null) {
            add(out, m.group("kh"), m.group("km"));
            if (m.group("kh2") != null) {
                add(out, m.group("kh2"), m.group("km2"));
            }
        } else if (m.group("hours") != null) {
            add(out, m.group("hh"), null);
            add(out, m.group("hh2"), null);
        } else if (m.group("four") != null) {
            add(out, m.group("fh"), m.group("fm"));
            add(out, m.group("fh2"), m.group("fm2"));
        } else if (m.group("time") != null) {
            add(out, m.group("th"), m.group("tmin"));
        }
        return out;
    }

    private static void add(List<int[]> out, String h, String min) {
        int[] t = time(h, min);
        if (t[0] <= 23 && t[1] <= 59 || t[0] == 24 && t[1] == 0) {
            out.add(t);
        }
    }

    private Optional<LocalDate> date(Matcher m) {
        try {
            if (m.group("iso") != null) {
                return Optional.of(LocalDate.of(i(m.group("iy")), i(m.group("im")), i(m.group("id"))));
            }
            if (m.group("text") != null) {
                Integer month = MONTHS.get(m.group("tm").toLowerCase(Locale.ROOT).substring(0, 3));
                return dayMonth(i(m.group("td")), month, m.group("ty"));
            }
            if (m.group("num") != null) {
                return dayMonth(i(m.group("nd")), i(m.group("nm")), m.group("ny"));
            }
            if (m.group("slash") != null) {
                return dayMonth(i(m.group("sd")), i(m.group("sm")), m.group("sy"));
            }
            if (m.group("short") != null) {
                return m.group("wsd") != null ? dayMonth(i(m.group("wsd")), i(m.group("wsm")), null) : dayMonth(i(m.group("hd")), i(m.group("hm")), null);
            }
            if (m.group("rel") != null) {
                String r = m.group("rel").toLowerCase(Locale.ROOT).replace(" ", "");
                if (r.startsWith("imorg") && !r.startsWith("imorges") || r.equals("tomorrow")) {
                    return Optional.of(reference.plusDays(1));
                }
                return Optional.of(r.equals("iforgårs") ? reference.minusDays(2) : r.equals("igår") || r.equals("yesterday") ? reference.minusDays(1) : reference);
            }
            if (m.group("wd") != null) {
                DayOfWeek day = weekday(m.group("wdn").toLowerCase(Locale.ROOT));
                return Optional.of(future ? reference.with(TemporalAdjusters.nextOrSame(day)) : reference.with(TemporalAdjusters.previousOrSame(day)));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty(); // 31.02 and the like: not a date
        }
        return Optional.empty();
    }

    private Optional<LocalDate> dayMonth(int day, int month, String year) {
        if (year != null) {
            int y = i(year);
            return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
        }
        MonthDay md = MonthDay.of(month, day);
        LocalDate thisYear = md.atYear(reference.getYear());
        if (future) {
            return Optional.of(thisYear.isBefore(reference) ? md.atYear(reference.getYear() + 1) : thisYear);
        }
        // An incident's dates lie around the message date: take the nearest year.
        LocalDate best = thisYear;
        for (int y = reference.getYear() - 1; y <= reference.getYear() + 1; y++) {
            LocalDate c = md.atYear(y);
            if (Math.abs(ChronoUnit.DAYS.between(reference, c)) < Math.abs(ChronoUnit.DAYS.between(reference, best))) {
                best = c;
            }
        }
        return Optional.of(best);
    }

    private static DayOfWeek weekday(String name) {
        return switch (name.substring(0, 3)) {
            case "man", "mån" -> DayOfWeek.MONDAY;
            case "tir", "tys" -> DayOfWeek.TUESDAY;
            case "ons" -> DayOfWeek.WEDNESDAY;
            case "tor" -> DayOfWeek.THURSDAY;
            case "fre" -> DayOfWeek.FRIDAY;
            case "lør", "lau" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    /** The first stated duration ("varer i ca. 3 timer", "beregnet nedetid 30 minutter"). */
    static Optional<java.time.Duration> duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group("n").replace(',', '.'));
        boolean minutes = m.group("unit").toLowerCase(Locale.ROOT).startsWith("min");
        long seconds = Math.round(n * (minutes ? 60 : 3600));
        return seconds > 0 && seconds <= 72 * 3600 ? Optional.of(java.time.Duration.ofSeconds(seconds)) : Optional.empty();
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
