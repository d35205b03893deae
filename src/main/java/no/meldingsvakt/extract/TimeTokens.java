package no.meldingsvakt.extract;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
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
 * The words and numbers of Norwegian dates and times, one token at a time: what a date token means
 * (a date without a year is resolved against the reference date), which clock times a time token
 * holds, and a stated duration. {@link TimeExpressions} puts the tokens together into moments and windows.
 */
final class TimeTokens {
    private static final String WEEKDAY = "mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|man|tir|ons|tor|fre|lør|søn|mon|tue|wed|thu|fri|sat|sun";
    private static final String MONTH = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
            + "|january|february|march|may|june|july|october|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|des|dec";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("des", 12), Map.entry("dec", 12));
    static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<iso>(?<![\\d.])(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?:[T ](?<ih>\\d{2})[:.](?<imin>\\d{2}))?)",
            // "11.–12. mars": two days, the first a start and the second the end of what follows.
            "(?<span>(?<![\\d.])(?<spd1>\\d{1,2})\\.?\\s*[-–]\\s*(?<spd2>\\d{1,2})\\.\\s*(?<spm>" + MONTH + ")(?!\\p{L})\\.?(?:,?\\s+(?<spy>\\d{4})(?!\\d))?)",
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
    static final Pattern DATE_FOLLOWS = Pattern.compile("[\\s,]*(?:den\\s+|on\\s+)?(?:(?:" + WEEKDAY + ")\\b|\\d{1,2}\\.\\s*(?:" + MONTH
            + ")|\\d{1,2}[./]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|i\\s?dag|i\\s?morgen|i\\s?kveld)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** How long the work takes, for a notice that gives its start and a duration instead of an end. */
    private static final Pattern DURATION = Pattern.compile("(?:\\bvar(?:er|ighet)|\\bberegnet|\\bestimert|\\bforventet|\\bantatt|\\bnedetid)"
            + "[^\\n\\d]{0,30}?(?<n>\\d{1,2}(?:[.,]5)?)\\s*(?<unit>timer|time|t\\b|minutter|min\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final LocalDate reference;
    private final boolean future;

    TimeTokens(LocalDate reference, boolean future) {
        this.reference = reference;
        this.future = future;
    }

    static int[] time(String h, String min) {
        return new int[] {Integer.parseInt(h), min == null ? 0 : Integer.parseInt(min)};
    }

    static List<int[]> times(Matcher m) {
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

    Optional<LocalDate> date(Matcher m) {
        try {
            if (m.group("iso") != null) {
                return Optional.of(LocalDate.of(i(m.group("iy")), i(m.group("im")), i(m.group("id"))));
            }
            if (m.group("span") != null) {
                return dayMonth(i(m.group("spd1")), MONTHS.get(m.group("spm").toLowerCase(Locale.ROOT).substring(0, 3)), m.group("spy"));
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
    static Optional<Duration> duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group("n").replace(',', '.'));
        boolean minutes = m.group("unit").toLowerCase(Locale.ROOT).startsWith("min");
        long seconds = Math.round(n * (minutes ? 60 : 3600));
        return seconds > 0 && seconds <= 72 * 3600 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    static int i(String s) {
        return Integer.parseInt(s);
    }
}
