package io.stent.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Reads the console's query parameters, naming the parameter and what it accepts when one is bad. */
final class QueryParameters {

    private QueryParameters() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, ConsoleMessages.BAD_TIME.format(name, value));
        }
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, ConsoleMessages.UNKNOWN_VALUE.format(name, value,
                    Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)));
        }
    }

    static boolean ascending(String order) {
        if (order == null || order.isBlank() || order.equalsIgnoreCase("desc")) {
            return false;
        }
        if (order.equalsIgnoreCase("asc")) {
            return true;
        }
        throw new BadParameterException("order", ConsoleMessages.BAD_ORDER.format(order));
    }

    static int number(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            number = Integer.MIN_VALUE;
        }
        if (number < min || number > max) {
            throw new BadParameterException(name, io.stent.ApiMessages.BAD_NUMBER.format(name, value, min, max));
        }
        return number;
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadParameterException(name, ConsoleMessages.BAD_BOOLEAN.format(name, value));
    }

    static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, ConsoleMessages.BAD_AGE.format(name + " is missing"));
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (duration.isNegative()) {
                throw new DateTimeParseException("negative", value, 0);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, ConsoleMessages.BAD_AGE.format(name + " '" + value + "' is not one"));
        }
    }
}
