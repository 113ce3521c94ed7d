package io.stent.engine;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks at deployment that a durable method can be intercepted and that its arguments and
 * result can be stored and read back by a JSON binding.
 */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /**
     * Lists what is wrong with a durable method, empty when nothing is.
     *
     * @param method the method
     * @return the problems, each a sentence naming the part at fault
     */
    public static List<String> problems(Method method) {
        List<String> problems = new ArrayList<>();
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            problems.add("it is private; interceptors only apply to non-private methods");
        }
        if (Modifier.isStatic(modifiers)) {
            problems.add("it is static; interceptors only apply to instance methods");
        }
        if (Modifier.isFinal(modifiers)) {
            problems.add("it is final; the container cannot intercept it");
        }
        if (Modifier.isFinal(method.getDeclaringClass().getModifiers())) {
            problems.add("its class is final; the container cannot intercept it");
        }
        for (var parameter : method.getParameters()) {
            Type type = parameter.getParameterizedType();
            unstorable(type).ifPresent(why -> problems.add("parameter " + parameter.getName() + " has type "
                    + type.getTypeName() + ", which cannot be stored: " + why));
        }
        Type result = method.getGenericReturnType();
        if (result != void.class) {
            unstorable(result).ifPresent(why -> problems.add(
                    "its result type " + result.getTypeName() + " cannot be stored: " + why));
        }
        return problems;
    }

    private static Optional<String> unstorable(Type type) {
        if (type instanceof Class<?> raw) {
            return unstorableClass(raw);
        }
        if (type instanceof ParameterizedType parameterized) {
            Optional<String> outer = unstorableClass((Class<?>) parameterized.getRawType());
            if (outer.isPresent()) {
                return outer;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                Optional<String> inner = unstorable(argument);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (type instanceof GenericArrayType array) {
            return unstorable(array.getGenericComponentType());
        }
        if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
            return Optional.of("a type variable or wildcard does not say what to read back; use a concrete type");
        }
        return Optional.empty();
    }

    private static Optional<String> unstorableClass(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || type.isRecord() || type == String.class) {
            return Optional.empty();
        }
        if (type.isArray()) {
            return unstorableClass(type.getComponentType());
        }
        if (type == Object.class) {
            return Optional.of("Object does not say what to read back; use a concrete type");
        }
        String name = type.getName();
        if (name.startsWith("java.io.") || name.startsWith("java.sql.") || name.startsWith("java.nio.channels")
                || Thread.class.isAssignableFrom(type) || name.startsWith("jakarta.persistence.EntityManager")
                || name.equals("java.util.concurrent.Future") || name.equals("java.util.concurrent.CompletableFuture")
                || Runnable.class.isAssignableFrom(type) || java.util.function.Function.class.isAssignableFrom(type)
                || java.util.function.Supplier.class.isAssignableFrom(type)
                || java.util.function.Consumer.class.isAssignableFrom(type)) {
            return Optional.of("it is a resource or behaviour, not data; pass an id or a value instead");
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || Optional.class == type
                || Number.class == type) {
            return Optional.empty();
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of("it is an interface or abstract class, so a JSON binding cannot create it;"
                    + " use a concrete class");
        }
        if (name.startsWith("java.")) {
            return Optional.empty();
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Optional.of("it is an inner (non-static) class; make it static or a record");
        }
        if (type.isAnonymousClass() || type.isLocalClass()) {
            return Optional.of("it is an anonymous or local class; use a named class or a record");
        }
        // Classes of the application are stored by their fields; the serializer checks on first use
        // that each one reads back as written.
        return Optional.empty();
    }
}
