package io.stent.admin.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a bean that exists only when the console authenticates in this mode. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ForAuthMode {

    /** @return the mode the bean serves */
    AuthMode value();
}
