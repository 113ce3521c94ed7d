package io.stent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link Durable} method without parameters at the fire times of a cron expression.
 * Each fire time starts one execution across all instances sharing the database. The deployment
 * writes the schedule (and updates it when the annotation changes); an invalid expression or zone
 * fails the deployment naming the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DurableSchedule {

    /**
     * The schedule's name, unique in the database; by default the function's name.
     *
     * @return the name, 1 to 150 characters
     */
    String name() default "";

    /**
     * The cron expression: five fields (minute hour day-of-month month day-of-week) or six with
     * seconds first, or a macro such as {@code @daily}.
     *
     * @return the expression
     */
    String cron();

    /**
     * The time zone whose wall clock the expression reads.
     *
     * @return a zone id such as {@code Europe/Berlin}
     */
    String zone() default "UTC";

    /**
     * What a fire time does while the previous execution still runs.
     *
     * @return the policy
     */
    ScheduleOverlap overlap() default ScheduleOverlap.SKIP;

    /**
     * What fire times missed during downtime do.
     *
     * @return the policy
     */
    ScheduleCatchUp catchUp() default ScheduleCatchUp.LATEST;

    /**
     * With {@link ScheduleCatchUp#ALL}: the most missed fire times started, the latest ones.
     *
     * @return the limit, at least 1
     */
    int catchUpLimit() default 10;

    /**
     * How late a fire time may be found and still count as on time (ISO-8601 duration).
     *
     * @return the grace period
     */
    String grace() default "PT1M";
}
