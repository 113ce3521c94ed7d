package io.stent.cdi.json;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Generic type arithmetic: the raw class of a type, and a field's type with the type variables of
 * its class replaced by what the declared type says, e.g. {@code T value} in {@code Page<Order>}.
 */
final class Types {

    private Types() {
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        return Object.class;
    }

    /** The type variables of {@code type}'s raw class, mapped to its actual arguments. */
    static Map<TypeVariable<?>, Type> arguments(Type type) {
        Map<TypeVariable<?>, Type> map = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
            Type[] actual = p.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < actual.length; i++) {
                map.put(variables[i], actual[i]);
            }
        }
        return map;
    }

    /** The superclass of {@code raw} as seen with {@code arguments}, with its own arguments mapped. */
    static Map<TypeVariable<?>, Type> superArguments(Class<?> raw, Map<TypeVariable<?>, Type> arguments) {
        return Types.arguments(resolve(raw.getGenericSuperclass(), arguments));
    }

    /** Replaces type variables by their arguments; an unknown variable becomes its bound. */
    static Type resolve(Type type, Map<TypeVariable<?>, Type> arguments) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = arguments.get(v);
            return bound != null ? bound : resolve(v.getBounds()[0], Map.of());
        }
        if (type instanceof WildcardType w) {
            return resolve(w.getUpperBounds()[0], arguments);
        }
        if (type instanceof GenericArrayType a) {
            Type component = resolve(a.getGenericComponentType(), arguments);
            return component instanceof Class<?> c ? java.lang.reflect.Array.newInstance(c, 0).getClass()
                    : new Array(component);
        }
        if (type instanceof ParameterizedType p) {
            Type[] actual = p.getActualTypeArguments().clone();
            boolean changed = false;
            for (int i = 0; i < actual.length; i++) {
                Type resolved = resolve(actual[i], arguments);
                changed |= resolved != actual[i];
                actual[i] = resolved;
            }
            return changed ? new Parameterized((Class<?>) p.getRawType(), actual, p.getOwnerType()) : p;
        }
        return type;
    }

    /**
     * The argument that {@code type} gives to a type parameter of one of its supertypes, e.g. the
     * element type of a collection: {@code argumentOf(ArrayList<String>, Collection.class, 0)} is
     * {@code String}.
     */
    static Type argumentOf(Type type, Class<?> supertype, int index) {
        Type found = find(type, supertype);
        if (found instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type find(Type type, Class<?> supertype) {
        Class<?> raw = raw(type);
        if (raw == supertype) {
            return type;
        }
        Map<TypeVariable<?>, Type> arguments = arguments(type);
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = find(resolve(parent, arguments), supertype);
            if (found != null) {
                return found;
            }
        }
        if (raw.getGenericSuperclass() != null) {
            return find(resolve(raw.getGenericSuperclass(), arguments), supertype);
        }
        return null;
    }

    /** A parameterized type built here, equal to the JDK's own for the same type. */
    private record Parameterized(Class<?> rawType, Type[] arguments, Type ownerType) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType p && rawType.equals(p.getRawType())
                    && Objects.equals(ownerType, p.getOwnerType())
                    && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(ownerType) ^ rawType.hashCode();
        }

        @Override
        public String toString() {
            return getTypeName();
        }

        @Override
        public String getTypeName() {
            StringBuilder name = new StringBuilder(rawType.getName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                name.append(i > 0 ? ", " : "").append(arguments[i].getTypeName());
            }
            return name.append('>').toString();
        }
    }

    /** A generic array type built here. */
    private record Array(Type component) implements GenericArrayType {

        @Override
        public Type getGenericComponentType() {
            return component;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType a && component.equals(a.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return component.hashCode();
        }

        @Override
        public String getTypeName() {
            return component.getTypeName() + "[]";
        }
    }
}
