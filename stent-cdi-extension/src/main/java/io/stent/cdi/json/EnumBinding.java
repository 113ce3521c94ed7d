package io.stent.cdi.json;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** An enum constant, stored by its name. */
final class EnumBinding implements Binding {

    private final Class<?> type;

    EnumBinding(Class<?> type) {
        this.type = type;
    }

    @Override
    public void write(JsonText out, Object value) {
        out.string(((Enum<?>) value).name());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object read(JsonValue json) {
        if (!(json instanceof JsonString name)) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not the name of a "
                    + type.getName() + " constant");
        }
        try {
            return Enum.valueOf((Class) type, name.getString());
        } catch (IllegalArgumentException e) {
            throw new ValueException(type.getName() + " has no constant " + name.getString()
                    + " (was it renamed or removed while an execution held it?)", e);
        }
    }

    @Override
    public String difference(Object written, Object read) {
        return written == read ? null : "wrote " + written + ", read back " + read;
    }
}
