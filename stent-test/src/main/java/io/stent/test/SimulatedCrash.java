package io.stent.test;

/**
 * Thrown by the test kit where a test armed a crash ({@link StentTestKit#crashAfterStep(String)},
 * {@link StentTestKit#crashBeforeStepRecorded(String)}): it unwinds the workflow without any
 * outcome being written, as if its server had died there, and the worker gives the task back so
 * the execution resumes by replay, as after a restart. An {@link Error}, so that workflow code that
 * catches exceptions does not catch it; do not catch it either.
 */
public final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
        super(KitMessages.SIMULATED_CRASH.format(where));
    }
}
