package io.stent;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean or {@code @Stateless} EJB as a durable function.
 *
 * <p>Called from outside a durable context, the method starts a persisted execution and waits
 * for its result; the execution survives crashes and redeploys and may run on any instance
 * that shares the database. Called from inside an execution, the method is a <em>step</em>:
 * its result is recorded and returned from the record when the execution is replayed.
 *
 * <p>Every attribute can be overridden by MicroProfile Config at deployment, see the README's
 * configuration reference. Durations are ISO-8601 strings such as {@code "PT1S"}.
 *
 * <p>The annotation is only valid on methods; its {@link ElementType#TYPE} target exists so that
 * the interceptor can be bound to it.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Durable {

    /**
     * The stable name under which executions and steps of this function are persisted.
     * Defaults to {@code SimpleClassName.methodName}. Set it explicitly before renaming a class
     * or method that has executions in flight, and whenever two methods would derive one name.
     *
     * @return the function name, or empty for the derived default
     */
    @Nonbinding String name() default "";

    /**
     * The version of this function's code. Every execution records the version it started on.
     *
     * @return a positive version number
     */
    @Nonbinding int version() default 1;

    /**
     * Older versions whose in-flight executions this code can also replay, because it makes the
     * same durable calls in the same order for them. By default a method only runs executions
     * started on its own {@link #version()}; keep the old method (same name, old version) deployed
     * until its executions have finished.
     *
     * @return the compatible older versions
     */
    @Nonbinding int[] compatibleVersions() default {};

    /**
     * The queue the function's tasks are placed on.
     *
     * @return the queue name
     */
    @Nonbinding String queue() default "default";

    /**
     * Tags a worker must have to run this function (see {@code stent.worker.tags}); empty runs
     * on every worker.
     *
     * @return the required tags
     */
    @Nonbinding String[] tags() default {};

    /**
     * The default priority of this function's executions: higher runs first when work queues up.
     * A start can override it with {@link StartOptions#withPriority(int)}.
     *
     * @return the priority
     */
    @Nonbinding int priority() default 0;

    /**
     * The most executions of this function that run at once across all instances; 0 for no
     * limit. Executions over the limit wait, in priority order.
     *
     * @return the concurrency limit, or 0
     */
    @Nonbinding int maxConcurrent() default 0;

    /**
     * How many times the function is attempted in total before it fails for good;
     * {@code 1} means no retry.
     *
     * @return the maximum number of attempts, at least 1
     */
    @Nonbinding int maxAttempts() default 3;

    /**
     * The wait before the first retry, an ISO-8601 duration.
     *
     * @return the initial backoff
     */
    @Nonbinding String initialBackoff() default "PT1S";

    /**
     * The factor applied to the backoff after each failed attempt.
     *
     * @return the multiplier, at least 1.0
     */
    @Nonbinding double backoffMultiplier() default 2.0;

    /**
     * The longest wait between two attempts, an ISO-8601 duration.
     *
     * @return the backoff cap
     */
    @Nonbinding String maxBackoff() default "PT5M";

    /**
     * The longest one attempt of this function may run when it is called as a step, an ISO-8601
     * duration; empty for no limit. An attempt that runs longer is interrupted and fails with
     * {@link StepTimeoutException}, which is retried like any failure.
     *
     * @return the per-attempt timeout, or empty
     */
    @Nonbinding String timeout() default "";

    /**
     * How long a result stays cached, an ISO-8601 duration; empty for no caching. A call with the
     * same arguments (same function and version) within that time returns the cached result
     * without running the body, on any instance: from outside an execution no execution is
     * started, and inside one the step is recorded with the cached result.
     *
     * @return the time-to-live, or empty
     */
    @Nonbinding String cacheFor() default "";

    /**
     * Exception types that are retried. A failure that is not one of these (or a subtype)
     * fails at once.
     *
     * @return the retried exception types
     */
    @Nonbinding Class<? extends Throwable>[] retryOn() default {Exception.class};

    /**
     * Exception types that are never retried, even when they match {@link #retryOn()}.
     *
     * @return the aborting exception types
     */
    @Nonbinding Class<? extends Throwable>[] abortOn() default {};
}
