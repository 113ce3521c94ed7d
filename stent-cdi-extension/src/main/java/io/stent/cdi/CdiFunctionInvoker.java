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

    private final BeanManager beans;

    CdiFunctionInvoker(BeanManager beans) {
        this.beans = beans;
    }

    @Override
    public Object invoke(FunctionDefinition function, Object[] args) throws Exception {
        Bean<?> bean = (Bean<?>) function.target();
        CreationalContext<?> context = beans.createCreationalContext(bean);
        try {
            Method method = function.method();
            Type view = viewFor(bean, method);
            Object reference = beans.getReference(bean, view, context);
            Method callable = view == method.getDeclaringClass() || view == bean.getBeanClass()
                    ? method
                    : ((Class<?>) view).getMethod(method.getName(), method.getParameterTypes());
            callable.setAccessible(true);
            return callable.invoke(reference, args);
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
        throw new IllegalStateException("STENT-1006 no bean type of " + bean.getBeanClass().getName()
                + " exposes " + method.getName() + "; add it to the business interface or a no-interface view");
    }
}
