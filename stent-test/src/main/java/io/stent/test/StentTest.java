package io.stent.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a JUnit 5 test class against Stent in Weld SE on an in-memory H2 database with a virtual
 * clock: the beans it names are deployed with Stent, fields annotated {@code @Inject} are
 * injected, and a test method may take a {@link StentTestKit}, {@code Stent} or
 * {@code StentOperations} parameter. The container starts once per class; each test starts with
 * empty tables (declared schedules stay) and nothing armed. Test classes run one at a time.
 *
 * <pre>{@code
 * @StentTest(beans = {OrderWorkflow.class, Payments.class})
 * class OrderWorkflowTest {
 *     @Inject OrderWorkflow orders;
 *
 *     @Test
 *     void shipsThreeDaysAfterPayment(StentTestKit kit) {
 *         var order = kit.stent().start(() -> orders.place("o-1"));
 *         kit.advance(Duration.ofDays(3));
 *         assertEquals("shipped", kit.result(order));
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StentTestExtension.class)
public @interface StentTest {

    /**
     * The application's bean classes to deploy: the beans with {@code @Durable} methods and what
     * they inject (test doubles for what a server would provide).
     *
     * @return the classes
     */
    Class<?>[] beans() default {};

    /**
     * MicroProfile Config for this class, each {@code key=value}, over the kit's defaults and over
     * system properties and {@code microprofile-config.properties}.
     *
     * @return the settings
     */
    String[] config() default {};
}
