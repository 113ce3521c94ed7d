package io.stent.cdi.invalid;

import io.stent.DurableSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a schedule the deployment must refuse (a schedule on a method that is not durable). */
@ApplicationScoped
public class ScheduledNotDurable {

    @DurableSchedule(cron = "@hourly")
    public void work() {
    }
}
