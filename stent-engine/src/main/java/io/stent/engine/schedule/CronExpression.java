package io.stent.engine.schedule;

import io.stent.engine.EngineMessages;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression: five fields (minute, hour, day of month, month, day of week) or six with the
 * second first, each {@code *}, a number, a range {@code a-b}, a step ({@code a/n}, {@code a-b/n}, or a star
 * followed by {@code /n}), or a comma-separated list of those; months and days may be named ({@code JAN},
 * {@code MON}); day of week 0 and 7 are both Sunday; {@code ?} means {@code *} in the day fields;
 * {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily} and {@code @hourly} stand for
 * their usual expressions. When both day fields are restricted, a day matching either one fires
 * (as in classic cron).
 *
 * <p>Fire times are wall-clock times of a time zone, and daylight-saving changes follow classic
 * cron: a time the clock skips fires once, at the moment the clock jumps past it; a time the clock
 * passes twice fires once, at its first pass, unless the hour field is {@code *}, in which case
 * it fires at both passes (an every-15-minutes schedule keeps firing every 15 minutes).
 */
public final class CronExpression {

    /** How far ahead a next fire time is looked for; an expression with none in this time never fires. */
    private static final int SEARCH_YEARS = 8;

    private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean everyDayOfMonth;
    private final boolean everyDayOfWeek;
    private final boolean everyHour;

    private CronExpression(String text, BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth,
                           BitSet months, BitSet daysOfWeek, boolean everyDayOfMonth, boolean everyDayOfWeek,
                           boolean everyHour) {
        this.text = text;
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.everyDayOfMonth = everyDayOfMonth;
        this.everyDayOfWeek = everyDayOfWeek;
        this.everyHour = everyHour;
    }

    /**
     * Reads an expression.
     *
     * @param text the expression
     * @return it
     * @throws io.stent.StentArgumentException naming the field and what is wrong with it, also for an
     *     expression that can never fire (such as the 30th of February)
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_CRON, 
                    "a cron expression is needed, got '" + text + "'");
        }
        String trimmed = text.trim();
        String expanded = trimmed.startsWith("@") ? MACROS.get(trimmed.toLowerCase(Locale.ROOT)) : trimmed;
        if (expanded == null) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_CRON, 
                    "unknown cron macro '" + trimmed + "' (known: " + String.join(", ",
                            new java.util.TreeSet<>(MACROS.keySet())) + ")");
        }
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5 && fields.length != 6) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_CRON, 
                    "cron expression '" + trimmed + "' has " + fields.length
                            + " fields; it needs 5 (minute hour day-of-month month day-of-week) or 6 (with the second" + " first)");
        }
        int at = fields.length == 6 ? 1 : 0;
        BitSet seconds = at == 1 ? field(trimmed, "second", fields[0], 0, 59, null) : single(0);
        BitSet minutes = field(trimmed, "minute", fields[at], 0, 59, null);
        BitSet hours = field(trimmed, "hour", fields[at + 1], 0, 23, null);
        BitSet daysOfMonth = field(trimmed, "day of month", question(fields[at + 2]), 1, 31, null);
        BitSet months = field(trimmed, "month", fields[at + 3], 1, 12, MONTHS);
        BitSet daysOfWeek = field(trimmed, "day of week", question(fields[at + 4]), 0, 7, DAYS);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
            daysOfWeek.clear(7);
        }
        CronExpression cron = new CronExpression(trimmed, seconds, minutes, hours, daysOfMonth, months, daysOfWeek,
                question(fields[at + 2]).equals("*"), question(fields[at + 4]).equals("*"), fields[at + 1].equals("*"));
        if (cron.nextLocal(LocalDateTime.of(2000, 1, 1, 0, 0)).isEmpty()) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_CRON, 
                    "cron expression '" + trimmed + "' never fires (no day" + " matches it)");
        }
        return cron;
    }

    private static String question(String field) {
        return field.equals("?") ? "*" : field;
    }

    private static BitSet single(int value) {
        BitSet bits = new BitSet();
        bits.set(value);
        return bits;
    }

    private static BitSet field(String expression, String name, String text, int min, int max, String[] names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(expression, name, part.substring(slash + 1), 1, max, null);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw bad(expression, name, part, "a range is FROM-TO");
                }
                from = number(expression, name, ends[0], min, max, names);
                to = number(expression, name, ends[1], min, max, names);
                if (from > to) {
                    throw bad(expression, name, part, "the range runs backwards");
                }
            } else {
                from = number(expression, name, range, min, max, names);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                bits.set(value);
            }
        }
        return bits;
    }

    private static int number(String expression, String name, String text, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return i + (names == MONTHS ? 1 : 0);
                }
            }
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad(expression, name, text, "expected a number" + (names != null ? " or a name such as "
                    + names[1] : "") + " (L, W and # are not supported)");
        }
        if (value < min || value > max) {
            throw bad(expression, name, text, "it must be " + min + " to " + max);
        }
        return value;
    }

    private static io.stent.StentArgumentException bad(String expression, String name, String part, String why) {
        return new io.stent.StentArgumentException(EngineMessages.BAD_CRON, 
                "cron expression '" + expression + "': the " + name + " field '" + part + "' is invalid: " + why);
    }

    /**
     * The first fire time after an instant.
     *
     * @param after the instant (exclusive)
     * @param zone the time zone whose wall clock the expression reads
     * @return the next fire time, or empty if there is none in the next years
     */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDateTime from = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        Instant best = null;
        LocalDateTime limit = from.plusYears(SEARCH_YEARS);
        for (Optional<LocalDateTime> local = nextLocal(from); local.isPresent() && local.get().isBefore(limit);
             local = nextLocal(local.get().plusSeconds(1))) {
            best = earliestAfter(local.get(), rules, after, best);
            // Later wall-clock times happen later at their first pass; a second pass may not.
            if (best != null && !firstPass(local.get(), rules).isBefore(best)) {
                break;
            }
        }
        // A clock set back before that fire time passes an hour a second time: its times may come first.
        ZoneOffsetTransition transition = rules.nextTransition(after);
        if (transition != null && transition.isOverlap() && everyHour
                && (best == null || transition.getInstant().isBefore(best))) {
            for (Optional<LocalDateTime> local = nextLocal(transition.getDateTimeAfter());
                 local.isPresent() && local.get().isBefore(transition.getDateTimeBefore());
                 local = nextLocal(local.get().plusSeconds(1))) {
                Instant second = local.get().toInstant(transition.getOffsetAfter());
                if (second.isAfter(after) && (best == null || second.isBefore(best))) {
                    best = second;
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** When a wall-clock time first happens: at its first offset, or when the clock jumps past it. */
    private static Instant firstPass(LocalDateTime local, ZoneRules rules) {
        java.util.List<java.time.ZoneOffset> offsets = rules.getValidOffsets(local);
        return offsets.isEmpty() ? rules.getTransition(local).getInstant() : local.toInstant(offsets.get(0));
    }

    /** The earliest instant after {@code after} at which a matching wall-clock time happens, or {@code best}. */
    private Instant earliestAfter(LocalDateTime local, ZoneRules rules, Instant after, Instant best) {
        java.util.List<java.time.ZoneOffset> offsets = rules.getValidOffsets(local);
        java.util.List<Instant> instants = new java.util.ArrayList<>();
        if (offsets.isEmpty()) {
            instants.add(rules.getTransition(local).getInstant()); // skipped: fires when the clock jumps past it
        } else {
            instants.add(local.toInstant(offsets.get(0)));
            if (offsets.size() == 2 && everyHour) {
                instants.add(local.toInstant(offsets.get(1)));
            }
        }
        Instant earliest = best;
        for (Instant instant : instants) {
            if (instant.isAfter(after) && (earliest == null || instant.isBefore(earliest))) {
                earliest = instant;
            }
        }
        return earliest;
    }

    /** The first wall-clock time at or after {@code from} (whole seconds) that matches, within the search years. */
    Optional<LocalDateTime> nextLocal(LocalDateTime from) {
        LocalDateTime time = from.truncatedTo(ChronoUnit.SECONDS);
        if (time.isBefore(from)) {
            time = time.plusSeconds(1);
        }
        LocalDateTime limit = time.plusYears(SEARCH_YEARS);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(time.toLocalDate())) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(time.getHour())) {
                int hour = hours.nextSetBit(time.getHour());
                time = hour < 0 ? time.truncatedTo(ChronoUnit.DAYS).plusDays(1)
                        : time.truncatedTo(ChronoUnit.DAYS).withHour(hour);
            } else if (!minutes.get(time.getMinute())) {
                int minute = minutes.nextSetBit(time.getMinute());
                time = minute < 0 ? time.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                        : time.truncatedTo(ChronoUnit.HOURS).withMinute(minute);
            } else if (!seconds.get(time.getSecond())) {
                int second = seconds.nextSetBit(time.getSecond());
                time = second < 0 ? time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1)
                        : time.truncatedTo(ChronoUnit.MINUTES).withSecond(second);
            } else {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        boolean byMonth = daysOfMonth.get(date.getDayOfMonth());
        boolean byWeek = daysOfWeek.get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
        if (everyDayOfMonth || everyDayOfWeek) {
            return byMonth && byWeek; // one of them matches every day
        }
        return byMonth || byWeek;
    }

    /** @return the expression as written */
    @Override
    public String toString() {
        return text;
    }
}
