package io.stent.it.lifecycle;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The workflow: a void CDI step, then a transactional EJB step that waits at a gate. */
@ApplicationScoped
public class Fulfilment {

    @Inject
    Labels labels;
    @Inject
    Warehouse warehouse;

    /**
     * Fulfils an order.
     *
     * @param tag the run
     * @param parcel the parcel
     * @return a summary
     */
    @Durable(name = "life.fulfil")
    public String fulfil(String tag, Parcel parcel) {
        labels.label(tag, parcel);
        return tag + ":" + warehouse.pick(tag, parcel);
    }
}
