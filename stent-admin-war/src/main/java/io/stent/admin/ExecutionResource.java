package io.stent.admin;

import io.stent.ExecutionStatus;
import io.stent.operations.ExecutionDetail;
import io.stent.operations.ExecutionFilter;
import io.stent.operations.ExecutionSort;
import io.stent.operations.ExecutionSummary;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import io.stent.operations.ReplayOutcome;
import io.stent.operations.StepView;
import io.stent.operations.WorkerView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Map;

/**
 * Executions, their progress, and the workers that run them.
 */
@Tag(name = "executions", description = "Executions, their steps and values; cancel, retry, signal; workers")
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    @Inject
    AdminStore store;

    /**
     * A page of executions.
     *
     * @param status only this status (optional)
     * @param function only this root function (optional)
     * @param version only this function version (optional)
     * @param queue only executions started on this queue (optional)
     * @param tag only executions whose function requires this worker tag (optional)
     * @param runningLongerThan only executions that started longer ago than this ISO-8601 duration
     *                          and are still RUNNING (optional)
     * @param from created at or after (ISO-8601 with offset, optional)
     * @param before created before (optional)
     * @param search id or idempotency key prefix (optional)
     * @param parent only children of this execution (optional)
     * @param sort created_at (default) or function (then creation time)
     * @param order desc (default) or asc
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     */
    @GET
    @Path("executions")
    @Operation(summary = "A page of executions, as summaries, filtered, sorted and paged")
    @Parameter(name = "status", description = "only this status (optional)")
    @Parameter(name = "function", description = "only this root function (optional)")
    @Parameter(name = "version", description = "only this function version (optional)")
    @Parameter(name = "queue", description = "only executions started on this queue (optional)")
    @Parameter(name = "tag", description = "only executions whose function requires this worker tag (optional)")
    @Parameter(name = "runningLongerThan",
            description = "only executions that started longer ago than this ISO-8601 duration and are still RUNNING (optional)")
    @Parameter(name = "from", description = "created at or after (ISO-8601 with offset, optional)")
    @Parameter(name = "before", description = "created before (optional)")
    @Parameter(name = "search", description = "id or idempotency key prefix (optional)")
    @Parameter(name = "parent", description = "only children of this execution (optional)")
    @Parameter(name = "sort", description = "created_at (default) or function (then creation time)")
    @Parameter(name = "order", description = "desc (default) or asc")
    @Parameter(name = "limit", description = "page size, 1 to 500")
    @Parameter(name = "offset", description = "rows to skip")
    public Page<ExecutionSummary> list(@QueryParam("status") String status, @QueryParam("function") String function,
                                       @QueryParam("version") String version,
                                       @QueryParam("queue") String queue, @QueryParam("tag") String tag,
                                       @QueryParam("runningLongerThan") String runningLongerThan,
                                       @QueryParam("from") String from, @QueryParam("before") String before,
                                       @QueryParam("search") String search, @QueryParam("parent") String parent,
                                       @QueryParam("sort") String sort, @QueryParam("order") String order,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        ExecutionFilter filter = filter(status, function, version, queue, tag, runningLongerThan, from, before, search,
                parent);
        return store.operations().executions(filter,
                QueryParameters.choice("sort", sort, ExecutionSort.class, ExecutionSort.CREATED_AT),
                new PageRequest(QueryParameters.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                        QueryParameters.number("limit", limit, 50, 1, PageRequest.MAX_LIMIT),
                        QueryParameters.ascending(order)));
    }

    private static ExecutionFilter filter(String status, String function, String version, String queue, String tag,
                                          String runningLongerThan, String from, String before, String search,
                                          String parent) {
        ExecutionStatus wanted = QueryParameters.choice("status", status, ExecutionStatus.class, null);
        java.time.OffsetDateTime startedBefore = null;
        if (runningLongerThan != null && !runningLongerThan.isBlank()) {
            if (wanted != null && wanted != ExecutionStatus.RUNNING) {
                throw new BadParameterException("runningLongerThan", ConsoleMessages.RUNNING_LONGER_WITH_STATUS.format(
                        wanted));
            }
            wanted = ExecutionStatus.RUNNING;
            startedBefore = java.time.OffsetDateTime.now().minus(
                    QueryParameters.duration("runningLongerThan", runningLongerThan));
        }
        String versionText = QueryParameters.text(version);
        return new ExecutionFilter(wanted, QueryParameters.text(function),
                versionText == null ? null : QueryParameters.number("version", versionText, 1, 1, Integer.MAX_VALUE),
                QueryParameters.text(queue), QueryParameters.text(tag), QueryParameters.time("from", from), QueryParameters.time("before", before), startedBefore,
                QueryParameters.text(search), QueryParameters.text(parent));
    }

    /**
     * Every execution a filter matches, oldest first, whole (values, errors, every step), as JSON
     * lines: one execution per line, streamed, for audits or to move history elsewhere. The export
     * is written to the audit trail.
     *
     * @param status only this status (optional)
     * @param function only this root function (optional)
     * @param version only this function version (optional)
     * @param queue only this queue (optional)
     * @param tag only this worker tag (optional)
     * @param runningLongerThan only RUNNING executions that started longer ago (optional)
     * @param from created at or after (optional)
     * @param before created before (optional)
     * @param search id or idempotency key prefix (optional)
     * @param parent only children of this execution (optional)
     * @return the stream
     */
    @GET
    @Path("executions/export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Every execution a filter matches, oldest first, whole, as JSON lines (streamed)")
    @Parameter(name = "status", description = "only this status (optional)")
    @Parameter(name = "function", description = "only this root function (optional)")
    @Parameter(name = "version", description = "only this function version (optional)")
    @Parameter(name = "queue", description = "only executions started on this queue (optional)")
    @Parameter(name = "tag", description = "only executions whose function requires this worker tag (optional)")
    @Parameter(name = "runningLongerThan", description = "only RUNNING executions that started longer ago than this"
            + " ISO-8601 duration (optional)")
    @Parameter(name = "from", description = "created at or after (ISO-8601 with offset, optional)")
    @Parameter(name = "before", description = "created before (optional)")
    @Parameter(name = "search", description = "id or idempotency key prefix (optional)")
    @Parameter(name = "parent", description = "only children of this execution (optional)")
    public jakarta.ws.rs.core.Response export(@QueryParam("status") String status,
                                             @QueryParam("function") String function,
                                             @QueryParam("version") String version, @QueryParam("queue") String queue,
                                             @QueryParam("tag") String tag,
                                             @QueryParam("runningLongerThan") String runningLongerThan,
                                             @QueryParam("from") String from, @QueryParam("before") String before,
                                             @QueryParam("search") String search,
                                             @QueryParam("parent") String parent) {
        ExecutionFilter filter = filter(status, function, version, queue, tag, runningLongerThan, from, before, search,
                parent);
        io.stent.operations.StentOperations operations = store.operations();
        jakarta.ws.rs.core.StreamingOutput lines = output -> {
            java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(output,
                    java.nio.charset.StandardCharsets.UTF_8));
            try (jakarta.json.bind.Jsonb json = jakarta.json.bind.JsonbBuilder.create()) {
                operations.exportExecutions(filter, execution -> {
                    try {
                        writer.write(json.toJson(execution));
                        writer.write('\n');
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.flush();
            } catch (Exception e) {
                if (e instanceof java.io.IOException io) {
                    throw io;
                }
                throw new java.io.IOException(ConsoleMessages.EXPORT_STOPPED.format(e.getMessage()), e);
            }
        };
        return jakarta.ws.rs.core.Response.ok(lines).header("Content-Disposition",
                "attachment; filename=\"stent-executions.jsonl\"").build();
    }

    /**
     * One execution with its recorded steps.
     *
     * @param id the execution id
     * @return the execution and its steps
     */
    @GET
    @Path("executions/{id}")
    @Operation(summary = "One execution with its recorded steps")
    @Parameter(name = "id", description = "the execution id")
    public ExecutionView show(@PathParam("id") String id) {
        return ExecutionView.of(detail(id));
    }

    /**
     * One of an execution's values, whole, as it is stored (JSON).
     *
     * @param id the execution id
     * @param value arguments, result or error
     * @return the value (JSON null when it has none)
     */
    @GET
    @Path("executions/{id}/{value: arguments|result|error}")
    @Operation(summary = "One of an execution's values, whole, as it is stored (JSON)")
    @Parameter(name = "id", description = "the execution id")
    @Parameter(name = "value", description = "arguments, result or error")
    public String value(@PathParam("id") String id, @PathParam("value") String value) {
        ExecutionDetail detail = detail(id);
        String whole = switch (value) {
            case "arguments" -> detail.arguments();
            case "result" -> detail.result();
            default -> detail.error();
        };
        return whole == null ? "null" : whole;
    }

    /**
     * A page of an execution's recorded steps, oldest first.
     *
     * @param id the execution id
     * @param limit page size, 1 to 500 (default 200)
     * @param offset steps to skip
     * @return the page
     */
    @GET
    @Path("executions/{id}/steps")
    @Operation(summary = "A page of an execution's recorded steps, oldest first")
    @Parameter(name = "id", description = "the execution id")
    @Parameter(name = "limit", description = "page size, 1 to 500 (default 200)")
    @Parameter(name = "offset", description = "steps to skip")
    public Page<StepView> steps(@PathParam("id") String id, @QueryParam("limit") String limit,
                                @QueryParam("offset") String offset) {
        Page<StepView> page = store.operations().steps(id, new PageRequest(QueryParameters.number("offset", offset,
                0, 0, Integer.MAX_VALUE), QueryParameters.number("limit", limit, 200, 1, PageRequest.MAX_LIMIT), true));
        if (page.items().isEmpty()) {
            detail(id); // an empty page: an unknown id is 404, a known one simply has no steps there
        }
        return page;
    }

    private ExecutionDetail detail(String id) {
        return store.operations().execution(id)
                .orElseThrow(() -> new UnknownIdException(io.stent.ApiMessages.EXECUTION_NOT_FOUND.format(id)));
    }

    /**
     * Cancels an execution and its children that still run.
     *
     * @param id the execution
     * @return the outcome
     */
    @POST
    @Path("executions/{id}/cancel")
    @Operation(summary = "Cancels an execution and its children that still run")
    @Parameter(name = "id", description = "the execution")
    public Map<String, Object> cancel(@PathParam("id") String id) {
        return Map.of("id", id, "outcome", store.operations().cancel(id).name());
    }

    /**
     * Retries a failed execution from the step that failed (through its newest dead letter, if it
     * still has one).
     *
     * @param id the execution
     * @return the outcome: REPLAYED, or NOT_FAILED for an execution that is not FAILED
     */
    @POST
    @Path("executions/{id}/retry")
    @Operation(summary = "Retries a failed execution from the step that failed",
            description = "Through its newest dead letter, if it still has one; its completed steps are kept.")
    @Parameter(name = "id", description = "the execution")
    public Map<String, Object> retry(@PathParam("id") String id) {
        ReplayOutcome outcome = store.operations().retry(id);
        if (outcome == ReplayOutcome.NOT_FOUND) {
            detail(id); // 404 for an unknown id
            throw new UnknownIdException(ConsoleMessages.NO_QUEUE_KNOWN.format(id));
        }
        return Map.of("id", id, "outcome", outcome.name());
    }

    /**
     * Sends a signal with a JSON payload (the JSON of the type the workflow waits for).
     *
     * @param id the execution
     * @param name the signal's name, 1 to 150 characters
     * @param payload the payload, JSON, at most 256 KiB
     * @return the outcome
     */
    @POST
    @Path("executions/{id}/signals/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends a signal with a JSON payload (the JSON of the type the workflow waits for)")
    @Parameter(name = "id", description = "the execution")
    @Parameter(name = "name", description = "the signal's name, 1 to 150 characters")
    public Map<String, Object> signal(@PathParam("id") String id, @PathParam("name") String name, String payload) {
        try {
            store.operations().signalJson(id, name, payload);
        } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
            throw new BadParameterException(e.getMessage()
                    .startsWith(io.stent.engine.EngineMessages.BAD_SIGNAL_NAME.code()) ? "name" : "payload",
                    e.getMessage());
        }
        return Map.of("id", id, "signal", name, "outcome", "DELIVERED");
    }

    /**
     * The workers that run now or stopped lately.
     *
     * @return the workers, newest first
     */
    @GET
    @Path("workers")
    @Operation(summary = "The workers that run now or stopped lately")
    public List<WorkerView> workers() {
        return store.operations().workers();
    }
}
