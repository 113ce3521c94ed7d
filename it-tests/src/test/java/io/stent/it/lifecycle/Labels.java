package io.stent.it.lifecycle;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI bean with a {@code void} step. */
@ApplicationScoped
public class Labels {

    @Inject
    Effects effects;

    /**
     * Labels a parcel.
     *
     * @param tag the run
     * @param parcel the parcel
     */
    @Durable(name = "life.label")
    public void label(String tag, Parcel parcel) {
        effects.record(tag, "label:" + parcel.codeText());
    }
}
