package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;

/** Invalid: a stream is a resource, not data. */
@ApplicationScoped
public class StreamParameter {

    @Durable
    public int read(InputStream input) {
        return 0;
    }
}
