package io.stent.cdi.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Bindings of strings, characters, booleans and numbers: written as JSON strings, booleans and
 * numbers, read back exactly. Doubles and floats that JSON has no number for (NaN, infinities) are
 * written as strings.
 */
final class Scalars {

    private Scalars() {
    }

    private static final Map<Class<?>, Binding> BY_TYPE = Map.ofEntries(
            Map.entry(String.class, new StringBinding()),
            Map.entry(boolean.class, new BooleanBinding(false)),
            Map.entry(Boolean.class, new BooleanBinding(null)),
            Map.entry(char.class, new CharBinding('\0')),
            Map.entry(Character.class, new CharBinding(null)),
            Map.entry(int.class, integral(0, BigDecimal::intValueExact)),
            Map.entry(Integer.class, integral(null, BigDecimal::intValueExact)),
            Map.entry(long.class, integral(0L, BigDecimal::longValueExact)),
            Map.entry(Long.class, integral(null, BigDecimal::longValueExact)),
            Map.entry(short.class, integral((short) 0, BigDecimal::shortValueExact)),
            Map.entry(Short.class, integral(null, BigDecimal::shortValueExact)),
            Map.entry(byte.class, integral((byte) 0, BigDecimal::byteValueExact)),
            Map.entry(Byte.class, integral(null, BigDecimal::byteValueExact)),
            Map.entry(BigInteger.class, integral(null, BigDecimal::toBigIntegerExact)),
            Map.entry(BigDecimal.class, integral(null, Function.identity())),
            Map.entry(double.class, new FloatingBinding(0d, Double::parseDouble)),
            Map.entry(Double.class, new FloatingBinding(null, Double::parseDouble)),
            Map.entry(float.class, new FloatingBinding(0f, Float::parseFloat)),
            Map.entry(Float.class, new FloatingBinding(null, Float::parseFloat)),
            Map.entry(Number.class, new AnyNumberBinding()));

    /** The binding of a scalar type, or null when the type is not a scalar. */
    static Binding of(Class<?> type) {
        return BY_TYPE.get(type);
    }

    private static Binding integral(Object zero, Function<BigDecimal, ?> convert) {
        return new IntegralBinding(zero, convert);
    }

    private static ValueException mismatch(JsonValue json, String expected) {
        return new ValueException("stored " + json.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " "
                + abbreviate(json.toString()) + " is not " + expected);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** A binding that reads back what it writes, compared with equals. */
    private abstract static class ExactBinding implements Binding {
        private final Object zero;

        ExactBinding(Object zero) {
            this.zero = zero;
        }

        @Override
        public Object nullValue() {
            return zero;
        }

        @Override
        public String difference(Object written, Object read) {
            return Objects.equals(written, read) ? null : "wrote " + written + ", read back " + read;
        }
    }

    private static final class StringBinding extends ExactBinding {
        StringBinding() {
            super(null);
        }

        @Override
        public void write(JsonText out, Object value) {
            out.string((String) value);
        }

        @Override
        public Object read(JsonValue json) {
            if (json instanceof JsonString string) {
                return string.getString();
            }
            throw mismatch(json, "a string");
        }
    }

    private static final class CharBinding extends ExactBinding {
        CharBinding(Character zero) {
            super(zero);
        }

        @Override
        public void write(JsonText out, Object value) {
            out.string(String.valueOf((char) (Character) value));
        }

        @Override
        public Object read(JsonValue json) {
            if (json instanceof JsonString string && string.getString().length() == 1) {
                return string.getString().charAt(0);
            }
            throw mismatch(json, "a single character");
        }
    }

    private static final class BooleanBinding extends ExactBinding {
        BooleanBinding(Boolean zero) {
            super(zero);
        }

        @Override
        public void write(JsonText out, Object value) {
            out.raw((Boolean) value ? "true" : "false");
        }

        @Override
        public Object read(JsonValue json) {
            if (json == JsonValue.TRUE || json.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (json == JsonValue.FALSE || json.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw mismatch(json, "a boolean");
        }
    }

    private static final class IntegralBinding extends ExactBinding {
        private final Function<BigDecimal, ?> convert;

        IntegralBinding(Object zero, Function<BigDecimal, ?> convert) {
            super(zero);
            this.convert = convert;
        }

        @Override
        public void write(JsonText out, Object value) {
            out.raw(value instanceof BigDecimal decimal ? decimal.toString() : value.toString());
        }

        @Override
        public Object read(JsonValue json) {
            try {
                if (json instanceof JsonNumber number) {
                    return convert.apply(number.bigDecimalValue());
                }
                if (json instanceof JsonString string) {
                    return convert.apply(new BigDecimal(string.getString().trim()));
                }
            } catch (ArithmeticException | NumberFormatException e) {
                throw new ValueException("stored number " + abbreviate(json.toString())
                        + " does not fit the declared type: " + e.getMessage(), e);
            }
            throw mismatch(json, "a number");
        }
    }

    private static final class FloatingBinding extends ExactBinding {
        private final Function<String, ?> parse;

        FloatingBinding(Object zero, Function<String, ?> parse) {
            super(zero);
            this.parse = parse;
        }

        @Override
        public void write(JsonText out, Object value) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                out.string(value.toString());
            } else {
                out.raw(value.toString());
            }
        }

        @Override
        public Object read(JsonValue json) {
            try {
                if (json instanceof JsonNumber number) {
                    return parse.apply(number.toString());
                }
                if (json instanceof JsonString string) {
                    return parse.apply(string.getString().trim());
                }
            } catch (NumberFormatException e) {
                throw new ValueException("stored " + abbreviate(json.toString()) + " is not a number", e);
            }
            throw mismatch(json, "a number");
        }
    }

    /** {@code Number}: written as the number it is, read back as a BigDecimal (as JSON-B does). */
    private static final class AnyNumberBinding implements Binding {
        @Override
        public void write(JsonText out, Object value) {
            try {
                out.raw(new BigDecimal(value.toString()).toString());
            } catch (NumberFormatException e) {
                throw new ValueException("the number " + value + " has no JSON form; declare the type as double"
                        + " to store NaN or an infinity", e);
            }
        }

        @Override
        public Object read(JsonValue json) {
            if (json instanceof JsonNumber number) {
                return number.bigDecimalValue();
            }
            throw mismatch(json, "a number");
        }

        @Override
        public String difference(Object written, Object read) {
            return read instanceof BigDecimal decimal && new BigDecimal(written.toString()).compareTo(decimal) == 0
                    ? null : "wrote " + written + ", read back " + read;
        }
    }
}
