package io.stent.cdi;

import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;
import io.stent.ScheduleSpec;
import io.stent.engine.RetentionPolicy;
import io.stent.engine.ScheduleService;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The retention policy and its schedule from MicroProfile Config ({@code stent.retention.*}). An
 * age is an ISO-8601 duration, or {@code forever} to keep those rows.
 *
 * @param enabled whether the retention job is scheduled
 * @param schedule when it runs
 * @param policy what it deletes
 */
record RetentionSettings(boolean enabled, ScheduleSpec schedule, RetentionPolicy policy) {

    /** The name of the retention job's schedule and durable function. */
    static final String NAME = "stent.retention";

    private static final Pattern FUNCTION_KEY = Pattern.compile(
            "stent\\.retention\\.function\\.\"?([^\"]+?)\"?\\.(completed|failed|cancelled|expired)");
    private static final Map<String, String> DEFAULT_AGES = Map.of("completed", "P30D", "failed", "P90D",
            "cancelled", "P90D", "expired", "P90D");

    /**
     * Reads the settings.
     *
     * @param config the configuration
     * @return the settings
     * @throws io.stent.StentArgumentException naming the key of a bad value
     */
    static RetentionSettings read(Config config) {
        boolean enabled = Boolean.parseBoolean(text(config, "stent.retention.enabled", "true"));
        Map<String, Duration> ages = new HashMap<>();
        for (Map.Entry<String, String> status : DEFAULT_AGES.entrySet()) {
            String key = "stent.retention." + status.getKey();
            Duration age = age(key, text(config, key, status.getValue()));
            if (age != null) {
                ages.put(status.getKey().toUpperCase(Locale.ROOT), age);
            }
        }
        Map<String, Map<String, Duration>> functions = new HashMap<>();
        for (String key : config.getPropertyNames()) {
            Matcher function = FUNCTION_KEY.matcher(key);
            if (function.matches()) {
                Duration age = age(key, text(config, key, ""));
                // forever for one function: an age no execution reaches
                functions.computeIfAbsent(function.group(1), f -> new HashMap<>()).put(
                        function.group(2).toUpperCase(Locale.ROOT), age == null ? Duration.ofDays(365L * 1000) : age);
            }
        }
        Duration deadLetters = age("stent.retention.dead-letters", text(config, "stent.retention.dead-letters",
                "P90D"));
        Duration audit = age("stent.retention.audit", text(config, "stent.retention.audit", "P365D"));
        int batch;
        String batchText = text(config, "stent.retention.batch-size", "500");
        try {
            batch = Integer.parseInt(batchText);
        } catch (NumberFormatException e) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    "stent.retention.batch-size '" + batchText + "' is not a whole number");
        }
        ScheduleSpec schedule = new ScheduleSpec(text(config, "stent.retention.cron", "0 15 3 * * *"),
                ScheduleService.zone(text(config, "stent.retention.zone", "UTC")), ScheduleOverlap.SKIP,
                ScheduleCatchUp.LATEST, 1, Duration.ofMinutes(1));
        ScheduleService.rules(NAME, schedule); // the expression is checked now, naming the key's value
        return new RetentionSettings(enabled, schedule, new RetentionPolicy(ages, functions, deadLetters, audit,
                batch));
    }

    private static String text(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(fallback);
    }

    /** An age, or null for {@code forever}. */
    private static Duration age(String key, String value) {
        if (value.equalsIgnoreCase("forever")) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    key + " '" + value + "' is neither an ISO-8601 duration such as P30D nor forever");
        }
    }
}
