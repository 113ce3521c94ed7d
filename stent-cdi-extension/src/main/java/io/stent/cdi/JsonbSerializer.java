package io.stent.cdi;

import io.stent.cdi.json.ValueCodec;
import io.stent.spi.Serializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.reflect.Type;

/**
 * The default serializer: JSON, typed from the method's generic signature (see {@link ValueCodec}:
 * records by their components, the application's classes by their fields, platform types through
 * JSON-B). Replace it with an {@code @Alternative @Priority} bean of type {@link Serializer}.
 * Thread-safe.
 */
@ApplicationScoped
public class JsonbSerializer implements Serializer {

    private final ValueCodec codec = new ValueCodec();

    @Override
    public String serialize(Object value, Type type) {
        return codec.write(value, type);
    }

    @Override
    public Object deserialize(String data, Type type) {
        if (type == void.class || type == Void.class) {
            return null;
        }
        return codec.read(data, type);
    }

    @Override
    public String serializeArguments(Object[] args, Type[] types) {
        return codec.writeAll(args, types);
    }

    @Override
    public Object[] deserializeArguments(String data, Type[] types) {
        return codec.readAll(data, types);
    }

    @PreDestroy
    void close() {
        codec.close();
    }
}
