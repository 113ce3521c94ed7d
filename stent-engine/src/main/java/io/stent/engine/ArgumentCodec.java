package io.stent.engine;

import io.stent.spi.Serializer;

import java.lang.reflect.Parameter;

/**
 * Serializes a call's arguments; when that fails, finds the argument at fault and names its
 * parameter, so the caller learns which value cannot be stored.
 */
final class ArgumentCodec {

    /** What makes a value storable, for the messages of values that are not. */
    static final String STORABLE = "Pass values that JSON can hold and read back as the declared type (records, enums,"
            + " strings, numbers, collections, or classes whose fields hold such values), or pass an id and load the"
            + " object in the step";

    private final Serializer serializer;
    private final int maxChars;

    ArgumentCodec(Serializer serializer, int maxChars) {
        this.serializer = serializer;
        this.maxChars = maxChars;
    }

    String encode(FunctionDefinition function, Object[] args) {
        String encoded;
        try {
            encoded = serializer.serializeArguments(args, function.parameterTypes());
        } catch (RuntimeException e) {
            Parameter[] parameters = function.method().getParameters();
            for (int i = 0; i < args.length; i++) {
                try {
                    serializer.serialize(args[i], parameters[i].getParameterizedType());
                } catch (RuntimeException culprit) {
                    // the message says it all, once: the serializer's wrappers would only repeat it
                    throw new io.stent.StentArgumentException(EngineMessages.UNSTORABLE_ARGUMENT, function.describe(),
                            "the value of " + describe(parameters[i], i) + " (" + (args[i] == null ? "null" : "a "
                                    + args[i].getClass().getName()) + ") cannot be stored: " + Reasons.of(culprit),
                            STORABLE);
                }
            }
            throw new io.stent.StentArgumentException(EngineMessages.UNSTORABLE_ARGUMENT, function.describe(),
                    "its arguments cannot be serialized: " + Reasons.of(e), STORABLE);
        }
        return ValueTooLargeException.check(encoded, maxChars, "the arguments of " + function.describe(),
                "stent.limits.arguments");
    }

    /** Refuses a signal payload too large to store. */
    String checkPayload(String payload, String signal) {
        return ValueTooLargeException.check(payload, maxChars, "the payload of signal '" + signal + "'",
                "stent.limits.arguments");
    }

    /** Names a parameter: by its name where the class was compiled with {@code -parameters}, else by position. */
    static String describe(Parameter parameter, int index) {
        return "parameter " + (index + 1) + (parameter.isNamePresent() ? " '" + parameter.getName() + "'" : "")
                + ", declared " + parameter.getParameterizedType().getTypeName() + ",";
    }
}
