package io.stent.test.sample;

import io.stent.Durable;
import io.stent.DurableSchedule;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A nightly schedule, a workflow whose code "changes" under a running execution, and a long one. */
@ApplicationScoped
public class Reminders {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean newCode;

    @Inject
    Stent stent;
    @Inject
    Shipping shipping;

    /** Runs at 09:00 in Berlin every day. */
    @Durable(name = "reminders.nightly")
    @DurableSchedule(name = "reminders", cron = "0 0 9 * * *", zone = "Europe/Berlin")
    public void nightly() {
        sent.add("reminder");
    }

    /**
     * Reserves, sleeps an hour, ships; the "new code" charges first, a change that breaks
     * executions already past their first step.
     *
     * @param order the order
     * @return the tracking code
     */
    @Durable(name = "reminders.changing")
    public String changing(String order) {
        if (newCode) {
            shipping.charge(order);
        }
        String reservation = shipping.reserve(order);
        stent.sleep(Duration.ofHours(1));
        return shipping.ship(reservation);
    }

    /** Sleeps for a week: long enough to outlive a deadline. */
    @Durable(name = "reminders.slow")
    public void slow() {
        stent.sleep(Duration.ofDays(7));
    }

    /** @param changed whether {@link #changing} runs its new code */
    public void deploy(boolean changed) {
        newCode = changed;
    }

    /** @return the reminders sent */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** Forgets them. */
    public void clear() {
        sent.clear();
        newCode = false;
    }
}
