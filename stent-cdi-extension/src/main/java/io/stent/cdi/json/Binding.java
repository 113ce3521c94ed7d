package io.stent.cdi.json;

import jakarta.json.JsonValue;

/**
 * How values of one declared type are written as JSON and read back. Bindings never see null:
 * {@link ValueCodec} writes null as JSON null and reads JSON null as {@link #nullValue()}.
 */
interface Binding {

    /**
     * Writes a value.
     *
     * @param out the JSON text being written
     * @param value the value, never null
     * @throws ValueException naming what cannot be written
     */
    void write(JsonText out, Object value);

    /**
     * Reads a value.
     *
     * @param json the JSON value, never JSON null
     * @return the value
     * @throws ValueException naming what does not fit
     */
    Object read(JsonValue json);

    /**
     * Compares a written value with what was read back from its JSON.
     *
     * @param written the value written, never null
     * @param read the value read back, may be null
     * @return null when they are the same; otherwise a description of the first difference
     */
    String difference(Object written, Object read);

    /**
     * What JSON null reads as: null, or a primitive's default, or an empty optional.
     *
     * @return the value
     */
    default Object nullValue() {
        return null;
    }
}
