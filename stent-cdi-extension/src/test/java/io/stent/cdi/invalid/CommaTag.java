package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a tag with a comma, which no worker's comma-separated tag list could offer. */
@ApplicationScoped
public class CommaTag {

    @Durable(tags = {"gpu,eu"})
    public String work(String x) {
        return x;
    }
}
