package io.stent.cdi;

import io.stent.DurableSchedule;
import io.stent.ScheduleSpec;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.ScheduleService;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DurableSchedule} annotations of a deployment, checked while it deploys: each problem
 * is reported with the method it is on, so a bad expression or zone never reaches the database.
 */
final class ScheduleDeclarations {

    private final List<ScheduleService.Declaration> declared = new ArrayList<>();
    private final Map<String, String> methodsByName = new HashMap<>();

    /**
     * Reads the schedule of a durable method, if it has one.
     *
     * @param method the method
     * @param function its resolved definition
     * @return the problems, each a sentence; empty when it is fine or has no schedule
     */
    List<String> read(DurableMethod method, FunctionDefinition function) {
        DurableSchedule annotation = method.method().getAnnotation(DurableSchedule.class);
        if (annotation == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (method.method().getParameterCount() > 0) {
            problems.add("@DurableSchedule starts it without arguments, but it has "
                    + method.method().getParameterCount() + " parameter(s); schedule a method without parameters,"
                    + " or make a schedule with arguments at run time");
        }
        String name = annotation.name().isBlank() ? function.name() : annotation.name().trim();
        try {
            Duration grace = Duration.parse(annotation.grace().trim());
            ScheduleSpec spec = new ScheduleSpec(annotation.cron(), ScheduleService.zone(annotation.zone().trim()),
                    annotation.overlap(), annotation.catchUp(), annotation.catchUpLimit(), grace);
            ScheduleService.rules(name, spec);
            String other = methodsByName.putIfAbsent(name, method.javaName());
            if (other != null) {
                problems.add("its schedule name '" + name + "' is also that of " + other
                        + "; give one of them another @DurableSchedule(name = \"...\")");
            } else if (problems.isEmpty()) {
                declared.add(new ScheduleService.Declaration(name, spec, function.name()));
            }
        } catch (DateTimeParseException e) {
            problems.add("@DurableSchedule grace '" + annotation.grace() + "' is not an ISO-8601 duration such as"
                    + " PT1M");
        } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** @return the valid declarations */
    List<ScheduleService.Declaration> declared() {
        return List.copyOf(declared);
    }
}
