package io.stent.cdi.invalid;

import io.stent.Durable;
import io.stent.DurableSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a schedule the deployment must refuse (a scheduled method with a parameter). */
@ApplicationScoped
public class ScheduledWithParameters {

    @Durable
    @DurableSchedule(cron = "@hourly")
    public void work(String x) {
    }
}
