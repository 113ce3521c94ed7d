package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.inject.spi.Bean;

import java.lang.reflect.Method;

/**
 * A {@code @Durable} method found at deployment, with the bean that declares it.
 *
 * @param bean the bean
 * @param method the method
 * @param annotation its annotation
 */
record DurableMethod(Bean<?> bean, Method method, Durable annotation) {

    String derivedName() {
        return annotation.name().isBlank()
                ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
                : annotation.name().trim();
    }

    String javaName() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
