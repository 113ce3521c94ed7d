package io.stent.spi;

import java.lang.reflect.Type;

/**
 * Turns arguments and results into the text stored in the database and back. The default is
 * JSON-B; provide a CDI bean of this type with {@code @Alternative @Priority} to replace it.
 */
public interface Serializer {

    /**
     * Serializes a value.
     *
     * @param value the value, may be null
     * @param type the declared type of the value
     * @return the stored form
     * @throws io.stent.StentArgumentException if the value cannot be serialized
     */
    String serialize(Object value, Type type);

    /**
     * Deserializes a value.
     *
     * @param data the stored form, may be null
     * @param type the declared type to produce
     * @return the value
     * @throws io.stent.StentArgumentException if the data does not fit the type
     */
    Object deserialize(String data, Type type);

    /**
     * Serializes the arguments of a call as one document.
     *
     * @param args the arguments
     * @param types the declared parameter types, as many as arguments
     * @return the stored form
     * @throws io.stent.StentArgumentException naming the parameter that cannot be serialized
     */
    String serializeArguments(Object[] args, Type[] types);

    /**
     * Deserializes the arguments of a call.
     *
     * @param data the stored form
     * @param types the declared parameter types
     * @return the arguments
     * @throws io.stent.StentArgumentException if the data does not fit the types
     */
    Object[] deserializeArguments(String data, Type[] types);
}
