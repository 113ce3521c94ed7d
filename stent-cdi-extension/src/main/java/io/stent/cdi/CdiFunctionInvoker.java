package io.stent.cdi;

import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionInvoker;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Invokes a function through its bean's contextual reference, so the call passes the container's
 * interceptors (transactions, security, Stent's own) as any application call would.
 */
final class CdiFunctionInvoker implements FunctionInvoker {

    /** How to call one function: through which bean type, with which method. */
    private record Target(Type view, Method callable) {
    }

    private final BeanManager beans;
    private final java.util.Map<FunctionDefinition, Target> targets = new java.util.concurrent.ConcurrentHashMap<>();

    CdiFunctionInvoker(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object invoke(FunctionDefinition function, Object[] args) throws Exception {
        Bean<?> bean = (Bean<?>) function.target();
        CreationalContext<?> context = beans.createCreationalContext(bean);
        try {
            Target target = targets.computeIfAbsent(function, f -> target(bean, f.method()));
            Object reference = beans.getReference(bean, target.view(), context);
            return target.callable().invoke(reference, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } finally {
            context.release();
        }
    }

    private static Target target(Bean<?> bean, Method method) {
        Type view = viewFor(bean, method);
        try {
            Method callable = view == method.getDeclaringClass() || view == bean.getBeanClass()
                    ? method
                    : ((Class<?>) view).getMethod(method.getName(), method.getParameterTypes());
            callable.setAccessible(true);
            return new Target(view, callable);
        } catch (NoSuchMethodException e) {
            throw new io.stent.StentException(RuntimeMessages.METHOD_NOT_EXPOSED, e, view, method, "");
        }
    }

    /** The bean type to call through: the class itself, or the business interface that has the method. */
    private static Type viewFor(Bean<?> bean, Method method) {
        if (bean.getTypes().contains(bean.getBeanClass())) {
            return bean.getBeanClass();
        }
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> view && view.isInterface()) {
                try {
                    view.getMethod(method.getName(), method.getParameterTypes());
                    return view;
                } catch (NoSuchMethodException e) {
                    // not this view
                }
            }
        }
        throw new io.stent.StentException(RuntimeMessages.METHOD_NOT_EXPOSED, "bean " + bean.getBeanClass()
                .getName(), method.getName(),
                " through any of its bean types; add it to the business interface or a no-interface view");
    }
}
