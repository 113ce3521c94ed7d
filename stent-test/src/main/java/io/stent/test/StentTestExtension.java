package io.stent.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.util.Set;

/**
 * The JUnit 5 side of {@link StentTest}: starts a {@link KitRun} for the test class, injects the
 * test instance, resolves kit parameters, clears the tables before each test and stops the run
 * after the class.
 */
public final class StentTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StentTestExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(StentTestKit.class, io.stent.Stent.class,
            io.stent.operations.StentOperations.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        run(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        run(context).inject(testInstance);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        run(context).kit().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        KitRun run = classContext(context).getStore(NAMESPACE).remove(context.getRequiredTestClass(), KitRun.class);
        if (run != null) {
            run.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KitRun run = run(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == StentTestKit.class) {
            return run.kit();
        }
        return type == io.stent.Stent.class ? run.kit().stent() : run.kit().operations();
    }

    /** The test class's run, started on first use. */
    private static KitRun run(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, type -> {
            StentTest settings = testClass.getAnnotation(StentTest.class);
            if (settings == null) {
                throw new ExtensionConfigurationException(KitMessages.NO_ANNOTATION.format(testClass.getName()));
            }
            return KitRun.start(testClass, settings);
        }, KitRun.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
