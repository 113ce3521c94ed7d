package io.stent.it.schedule;

import io.stent.Durable;
import io.stent.DurableSchedule;
import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A workflow that a schedule starts every two seconds; after downtime every missed fire time runs,
 * so a lost fire time shows as a gap.
 */
@ApplicationScoped
public class Ticker {

    @Inject
    TickEffects effects;

    /** One tick: records its execution once, in a transactional step. */
    @Durable(name = "ticker.tick")
    @DurableSchedule(name = "ticker", cron = "*/2 * * * * *", overlap = ScheduleOverlap.ALLOW_ALL,
            catchUp = ScheduleCatchUp.ALL, catchUpLimit = 500)
    public void tick() {
        effects.record();
    }
}
