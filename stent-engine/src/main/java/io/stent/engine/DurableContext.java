package io.stent.engine;

/**
 * The state of one running invocation inside an execution: which execution, where in the step
 * tree, and the next sequence number. Not shared between threads.
 */
public final class DurableContext {

    private final String executionId;
    private final String path;
    private final ExecutionState state;
    private int nextSeq = 1;
    private FunctionDefinition pendingBody;
    private Checkpoint checkpoint;
    private io.stent.ExecutionInfo info;
    private String checkpointOutput;
    private Throwable recordedStepFailure;

    private DurableContext(String executionId, String path, ExecutionState state) {
        this.executionId = executionId;
        this.path = path;
        this.state = state;
    }

    /**
     * The context of an execution's root invocation, about to run {@code root}'s body.
     *
     * @param executionId the execution
     * @param root the root function
     * @param state the run's time and cancellation state
     * @return the context
     */
    public static DurableContext forRoot(String executionId, FunctionDefinition root, ExecutionState state) {
        DurableContext context = new DurableContext(executionId, "", state);
        context.pendingBody = root;
        return context;
    }

    /**
     * The context of a step's body: nested durable calls are recorded under the step.
     *
     * @param seq the step's sequence number in this context
     * @return the child context
     */
    public DurableContext child(int seq) {
        return new DurableContext(executionId, stepPath(seq), state);
    }

    /**
     * Consumes the permission to run {@code function}'s body: the first interception of the
     * function this context was created for runs the body; every other call is a step.
     *
     * @param function the intercepted function
     * @return true if the body should run
     */
    public boolean takeBody(FunctionDefinition function) {
        if (pendingBody == function) {
            pendingBody = null;
            return true;
        }
        return false;
    }

    /**
     * What a step attempt's checkpoint needs, so that the body's transaction can write it.
     *
     * @param function the step's function
     * @param parentPath the parent's position
     * @param seq the step's sequence number in the parent
     * @param arguments the serialized arguments
     * @param attempt the attempt
     * @param startedNanos when the attempt started
     */
    record Checkpoint(FunctionDefinition function, String parentPath, int seq, String arguments, int attempt,
                      long startedNanos) {
    }

    /** Declares that this (child) context runs a step attempt whose checkpoint may join its transaction. */
    void expectCheckpoint(Checkpoint pending) {
        this.checkpoint = pending;
    }

    /** The checkpoint to write for {@code function}, once; null if none is expected. */
    Checkpoint takeCheckpoint(FunctionDefinition function) {
        Checkpoint pending = checkpoint;
        if (pending != null && pending.function() == function) {
            checkpoint = null;
            return pending;
        }
        return null;
    }

    /** Notes that the checkpoint was written inside the body's transaction, with this output. */
    void checkpointWritten(String output) {
        this.checkpointOutput = output;
    }

    /** Notes that the transaction holding the checkpoint rolled back (with the step's work). */
    void checkpointRolledBack() {
        this.checkpointOutput = null;
    }

    /** The output written inside the body's transaction and committed with it, or null. */
    String writtenCheckpoint() {
        return checkpointOutput;
    }

    /**
     * Allocates the sequence number of the next durable call.
     *
     * @return the sequence number, from 1
     */
    public int nextSeq() {
        return nextSeq++;
    }

    /**
     * The execution this context belongs to.
     *
     * @return the execution id
     */
    public String executionId() {
        return executionId;
    }

    /**
     * Where this invocation runs, for logs, traces and {@code Stent.currentExecution()}.
     *
     * @return the info, or null before the runner set it
     */
    public io.stent.ExecutionInfo info() {
        return info;
    }

    /** Sets where this invocation runs. */
    void describe(io.stent.ExecutionInfo runInfo) {
        this.info = runInfo;
    }

    /**
     * The run's time and cancellation state.
     *
     * @return the state
     */
    public ExecutionState state() {
        return state;
    }

    /**
     * The path of this invocation's parent position, {@code ""} for the root.
     *
     * @return the parent path
     */
    public String path() {
        return path;
    }

    /**
     * The readable path of step {@code seq} in this context, e.g. {@code 3} or {@code 3.2}.
     *
     * @param seq the sequence number
     * @return the path
     */
    public String stepPath(int seq) {
        return path.isEmpty() ? Integer.toString(seq) : path + "." + seq;
    }

    /**
     * Notes a step failure that is final (recorded), so that a workflow which lets it propagate
     * is not retried in vain: its replay would meet the same recorded failure.
     *
     * @param failure the failure thrown into the workflow
     */
    public void noteRecordedStepFailure(Throwable failure) {
        this.recordedStepFailure = failure;
    }

    /**
     * Tells whether {@code failure} is, or is caused by, a recorded step failure.
     *
     * @param failure a failure of the workflow body
     * @return true if retrying the body cannot help
     */
    public boolean isFinal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t == recordedStepFailure) {
                return true;
            }
        }
        return false;
    }
}
