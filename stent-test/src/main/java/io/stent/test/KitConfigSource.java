package io.stent.test;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/** A fixed map of settings at one ordinal: the kit's defaults, or a test class's own settings. */
final class KitConfigSource implements ConfigSource {

    private final String name;
    private final Map<String, String> values;
    private final int ordinal;

    KitConfigSource(String name, Map<String, String> values, int ordinal) {
        this.name = name;
        this.values = Map.copyOf(values);
        this.ordinal = ordinal;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
