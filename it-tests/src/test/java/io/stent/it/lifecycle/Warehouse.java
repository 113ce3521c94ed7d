package io.stent.it.lifecycle;

import io.stent.Durable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * A stateless EJB step with a container-managed transaction: its effect is written, then it waits
 * at the test's gate before committing.
 */
@Stateless
public class Warehouse {

    @Inject
    Effects effects;

    /**
     * Picks a parcel.
     *
     * @param tag the run
     * @param parcel the parcel
     * @return a pick number
     */
    @Durable(name = "life.pick")
    public int pick(String tag, Parcel parcel) {
        effects.record(tag, "pick");
        effects.gate(tag, "picking");
        return parcel.codeText().length();
    }
}
