package io.stent.cdi.invalid;

import io.stent.Durable;
import io.stent.DurableSchedule;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a schedule the deployment must refuse (an unknown time zone). */
@ApplicationScoped
public class BadZone {

    @Durable
    @DurableSchedule(cron = "@daily", zone = "Mars/Olympus")
    public void work() {
    }
}
