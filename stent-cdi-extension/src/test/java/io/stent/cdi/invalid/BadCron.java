package io.stent.cdi.invalid;

import io.stent.Durable;
import io.stent.DurableSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a schedule the deployment must refuse (its cron expression never fires). */
@ApplicationScoped
public class BadCron {

    @Durable
    @DurableSchedule(cron = "0 0 31 2 *")
    public void work() {
    }
}
