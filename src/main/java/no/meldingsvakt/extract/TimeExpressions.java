package no.meldingsvakt.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

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
    private final TimeTokens tokens;

    /**
     * @param future true when the text announces something ahead (planned downtime): a date without
     *     a year is then never before the reference date
     */
    TimeExpressions(LocalDate reference, boolean future) {
        this.reference = reference;
        this.tokens = new TimeTokens(reference, future);
    }

    Found find(String text) {
        List<Object> items = new ArrayList<>(); // Points, Seps (int[]) and cues, in text order
        Matcher m = TimeTokens.TOKEN.matcher(text);
        LocalDate pending = null;
        int pendingFrom = -1;
        int pendingTo = -1;
        boolean pendingWritten = false;
        LocalDate last = null;
        Cue cue = Cue.NONE;
        int cueEnd = -1;
        // "natt til torsdag 12. mars, kl 23-03": the evening hours belong to the day before.
        boolean nightBefore = false;
        LocalDate spanEnd = null; // the second day of "11.–12. mars", for the time that ends the window
        int spanTo = -1;
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
            Optional<LocalDate> date = tokens.date(m);
            if (date.isPresent()) {
                if (pending != null && pendingWritten) {
                    flush(items, pending, pendingFrom, pendingTo, cueFor(cue, cueEnd, pendingFrom), spanEnd);
                }
                spanEnd = m.group("span") == null ? null : date.get().withDayOfMonth(1).plusDays(TimeTokens.i(m.group("spd2")) - 1L);
                if (spanEnd != null && !spanEnd.isAfter(date.get())) {
                    spanEnd = spanEnd.plusMonths(1); // "30.–2. april" is unusual, but "30.–31." must not run backwards
                }
                spanTo = m.end();
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
                    items.add(point(pending, TimeTokens.time(m.group("ih"), m.group("imin")), true, pendingFrom, m.end(), cueFor(cue, cueEnd, pendingFrom)));
                    pending = null;
                }
                continue;
            }
            List<int[]> times = TimeTokens.times(m);
            if (times.isEmpty()) {
                continue;
            }
            if (m.group("four") != null && last == null) {
                continue; // "2024-2025" is a span of years unless a date stands before it
            }
            // "fra 16-20" or "12.03 16-20" are hours; "3-4 timer" or "side 2-3" are not.
            if (m.group("hours") != null && !(pending != null && m.start() - pendingTo <= 12
                    || cue == Cue.START && m.start() - cueEnd <= 6 && text.substring(cueEnd, m.start()).isBlank()
                    || TimeTokens.DATE_FOLLOWS.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 40)).lookingAt())) {
                continue;
            }
            LocalDate d = pending != null ? pending : last != null ? last : reference;
            boolean given = pending != null;
            if (spanEnd != null && m.start() - spanTo > 80) {
                spanEnd = null;
            }
            int from = pending != null ? pendingFrom : m.start();
            Cue pointCue = cueFor(cue, cueEnd, from) != Cue.NONE ? cueFor(cue, cueEnd, from) : cueFor(cue, cueEnd, m.start());
            pending = null;
            for (int i = 0; i < times.size(); i++) {
                if (i > 0) {
                    items.add(new int[] {m.start(), m.end()});
                }
                int[] t = times.get(i);
                boolean spanTime = spanEnd != null && !(i == 0 && given);
                LocalDate day = spanTime ? spanEnd : d.equals(nightOf) && t[0] >= 12 ? d.minusDays(1) : d;
                items.add(point(day, t, i == 0 && given || spanTime, i == 0 ? from : m.start(), m.end(), i == 0 ? pointCue : Cue.NONE));
                spanEnd = spanTime ? null : spanEnd;
            }
            cue = Cue.NONE;
        }
        if (pending != null && pendingWritten) {
            flush(items, pending, pendingFrom, pendingTo, cueFor(cue, cueEnd, pendingFrom), spanEnd);
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

    /** A date no clock time followed; "11.–12. mars" alone is both days, start to end. */
    private static void flush(List<Object> items, LocalDate pending, int from, int to, Cue cue, LocalDate spanEnd) {
        items.add(new Point(pending, Optional.empty(), false, true, from, to, cue));
        if (spanEnd != null) {
            items.add(new int[] {to, to});
            items.add(new Point(spanEnd, Optional.empty(), false, true, to, to, Cue.NONE));
        }
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

}
