package io.stent.cdi.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Creates an empty instance of a class to fill its fields from stored JSON: through its
 * no-argument constructor of any visibility, or, for a class that has none (a value object with
 * only a parameterised constructor), without running a constructor, as Java serialization does.
 */
final class Instantiator {

    private final Class<?> type;
    private final Constructor<?> constructor;

    private Instantiator(Class<?> type, Constructor<?> constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /**
     * An instantiator for a concrete class.
     *
     * @throws IllegalStateException when the class can be created by neither way
     */
    static Instantiator of(Class<?> type) {
        try {
            Constructor<?> noArguments = type.getDeclaredConstructor();
            noArguments.setAccessible(true);
            return new Instantiator(type, noArguments);
        } catch (NoSuchMethodException e) {
            return new Instantiator(type, withoutConstructor(type));
        }
    }

    private static Constructor<?> withoutConstructor(Class<?> type) {
        try {
            Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
            Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
            Constructor<?> constructor = (Constructor<?>) factoryClass
                    .getMethod("newConstructorForSerialization", Class.class, Constructor.class)
                    .invoke(factory, type, Object.class.getDeclaredConstructor());
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IllegalStateException(type.getName() + " has no no-argument constructor, and this JVM does not"
                    + " let Stent create it without one (module jdk.unsupported): add a no-argument constructor (it"
                    + " may be private) or make it a record", e);
        }
    }

    Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new ValueException("the no-argument constructor of " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ValueException("cannot create a " + type.getName() + ": " + e, e);
        }
    }
}
