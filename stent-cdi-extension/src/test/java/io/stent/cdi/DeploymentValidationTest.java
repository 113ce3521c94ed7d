package io.stent.cdi;

import io.stent.cdi.invalid.BadBackoff;
import io.stent.cdi.invalid.DuplicateA;
import io.stent.cdi.invalid.DuplicateB;
import io.stent.cdi.invalid.ObjectParameter;
import io.stent.cdi.invalid.PrivateDurable;
import io.stent.cdi.invalid.StreamParameter;
import io.stent.cdi.invalid.TypeLevel;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad {@code @Durable} method fails the deployment with a message that names the method and
 * the problem.
 */
class DeploymentValidationTest {

    private static String deploymentFailure(Class<?>... beans) {
        Weld weld = new Weld().disableDiscovery().addExtension(new StentExtension())
                .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                        JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class)
                .addBeanClasses(beans);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (WeldContainer container = weld.initialize()) {
                container.isRunning();
            }
        });
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static void assertMentions(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "expected '" + part + "' in:\n" + text);
        }
    }

    @Test
    void privateMethod_failsDeployment_namingMethod() {
        assertMentions(deploymentFailure(PrivateDurable.class), "STENT-1004",
                "io.stent.cdi.invalid.PrivateDurable.hidden", "it is private");
    }

    @Test
    void objectParameter_failsDeployment_namingParameter() {
        assertMentions(deploymentFailure(ObjectParameter.class), "ObjectParameter.handle", "parameter payload",
                "Object does not say what to read back");
    }

    @Test
    void streamParameter_failsDeployment_asResourceNotData() {
        assertMentions(deploymentFailure(StreamParameter.class), "StreamParameter.read", "parameter input",
                "resource or behaviour");
    }

    @Test
    void duplicateNames_failDeployment_namingBothMethods() {
        assertMentions(deploymentFailure(DuplicateA.class, DuplicateB.class), "function name 'shared' and version 1",
                "DuplicateA.one", "DuplicateB.two");
    }

    @Test
    void badDuration_failsDeployment_namingOption() {
        assertMentions(deploymentFailure(BadBackoff.class), "BadBackoff.work", "initial-backoff '5 seconds'");
    }

    @Test
    void negativeConcurrencyLimit_failsDeployment_namingOption() {
        assertMentions(deploymentFailure(io.stent.cdi.invalid.NegativeLimit.class), "NegativeLimit.work",
                "max-concurrent must be 0 (no limit) or positive, got -1");
    }

    @Test
    void tagWithAComma_failsDeployment_namingTheMethodAndTag() {
        assertMentions(deploymentFailure(io.stent.cdi.invalid.CommaTag.class), "CommaTag.work",
                "each tag must be 1 to 100 characters without commas", "got 'gpu,eu'");
    }

    @Test
    void badSchedules_failDeployment_namingTheMethodAndWhatIsWrong() {
        assertMentions(deploymentFailure(io.stent.cdi.invalid.BadCron.class), "BadCron.work",
                "cron expression '0 0 31 2 *' never fires");
        assertMentions(deploymentFailure(io.stent.cdi.invalid.BadZone.class), "BadZone.work",
                "unknown time zone 'Mars/Olympus'");
        assertMentions(deploymentFailure(io.stent.cdi.invalid.ScheduledWithParameters.class),
                "ScheduledWithParameters.work", "it has 1 parameter(s)");
        assertMentions(deploymentFailure(io.stent.cdi.invalid.ScheduledNotDurable.class), "STENT-1008",
                "ScheduledNotDurable.work has @DurableSchedule but is not @Durable");
    }

    @Test
    void typeLevelAnnotation_failsDeployment() {
        assertMentions(deploymentFailure(TypeLevel.class), "STENT-1003", "TypeLevel");
    }
}
