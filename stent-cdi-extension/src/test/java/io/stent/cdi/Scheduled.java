package io.stent.cdi;

import io.stent.Durable;
import io.stent.DurableSchedule;
import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** Durable functions started by schedules: one every second, one nightly in Berlin. */
@ApplicationScoped
public class Scheduled {

    private final AtomicInteger ticks = new AtomicInteger();

    /** @return how often {@link #tick()} ran */
    public int ticks() {
        return ticks.get();
    }

    /** Runs every second. */
    @Durable(name = "sched.tick")
    @DurableSchedule(name = "ticks", cron = "* * * * * *")
    public void tick() {
        ticks.incrementAndGet();
    }

    /**
     * Runs at 03:00 in Berlin; after downtime, the latest three missed nights run, side by side.
     *
     * @return a fixed answer
     */
    @Durable(name = "sched.nightly")
    @DurableSchedule(name = "nightly", cron = "0 0 3 * * ?", zone = "Europe/Berlin", overlap = ScheduleOverlap.ALLOW_ALL,
            catchUp = ScheduleCatchUp.ALL, catchUpLimit = 3)
    public String nightly() {
        return "done";
    }

    /**
     * A report for a region, scheduled at run time.
     *
     * @param region the region
     * @return the report's title
     */
    @Durable(name = "sched.report")
    public String report(String region) {
        return "report " + region;
    }
}
