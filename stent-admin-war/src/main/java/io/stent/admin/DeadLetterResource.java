package io.stent.admin;

import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.ReplayOutcome;
import io.stent.store.StoreOperations;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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

import java.util.Map;

/**
 * The dead-letter queue: list, count and show (any console user); replay, bulk replay, delete and
 * purge (administrators, each written to the audit trail).
 */
@Tag(name = "dead-letters", description = "Executions that failed for good: inspect, replay, delete")
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    AdminStore store;

    /**
     * A page of dead letters, as summaries (the structured error comes with {@link #show}).
     *
     * @param execution only this execution's dead letters
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after (ISO-8601 with offset)
     * @param before failed before (ISO-8601 with offset)
     * @param includeReplayed true to include replayed ones
     * @param sort failed_at (default), function or error_class
     * @param order desc (default) or asc
     * @param limit page size, 1 to 500 (default 50)
     * @param offset rows to skip
     * @return the page
     */
    @GET
    @Operation(summary = "A page of dead letters, as summaries (the structured error comes with show)")
    @Parameter(name = "execution", description = "only this execution's dead letters")
    @Parameter(name = "function", description = "only this function")
    @Parameter(name = "queue", description = "only this queue")
    @Parameter(name = "errorClass", description = "only this exception class")
    @Parameter(name = "from", description = "failed at or after (ISO-8601 with offset)")
    @Parameter(name = "before", description = "failed before (ISO-8601 with offset)")
    @Parameter(name = "includeReplayed", description = "true to include replayed ones")
    @Parameter(name = "sort", description = "failed_at (default), function or error_class")
    @Parameter(name = "order", description = "desc (default) or asc")
    @Parameter(name = "limit", description = "page size, 1 to 500 (default 50)")
    @Parameter(name = "offset", description = "rows to skip")
    public Page<DeadLetterSummary> list(@QueryParam("execution") String execution,
                                        @QueryParam("function") String function, @QueryParam("queue") String queue,
                                        @QueryParam("errorClass") String errorClass, @QueryParam("from") String from,
                                        @QueryParam("before") String before,
                                        @QueryParam("includeReplayed") String includeReplayed,
                                        @QueryParam("sort") String sort, @QueryParam("order") String order,
                                        @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Page<DeadLetter> page = store.operations().deadLetters(
                filter(execution, function, queue, errorClass, from, before, includeReplayed),
                QueryParameters.choice("sort", sort, DeadLetterSort.class, DeadLetterSort.FAILED_AT),
                new PageRequest(QueryParameters.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                        QueryParameters.number("limit", limit, 50, 1, PageRequest.MAX_LIMIT),
                        QueryParameters.ascending(order)));
        return new Page<>(page.items().stream().map(DeadLetterSummary::of).toList(), page.offset(), page.hasMore());
    }

    /**
     * How many dead letters a filter matches: what a bulk replay of it would replay.
     *
     * @param execution only this execution's dead letters
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after
     * @param before failed before
     * @param includeReplayed true to count replayed ones too
     * @return the count
     */
    @GET
    @Path("count")
    @Operation(summary = "How many dead letters a filter matches: what a bulk replay of it would replay")
    @Parameter(name = "execution", description = "only this execution's dead letters")
    @Parameter(name = "function", description = "only this function")
    @Parameter(name = "queue", description = "only this queue")
    @Parameter(name = "errorClass", description = "only this exception class")
    @Parameter(name = "from", description = "failed at or after")
    @Parameter(name = "before", description = "failed before")
    @Parameter(name = "includeReplayed", description = "true to count replayed ones too")
    public Map<String, Long> count(@QueryParam("execution") String execution,
                                   @QueryParam("function") String function, @QueryParam("queue") String queue,
                                   @QueryParam("errorClass") String errorClass, @QueryParam("from") String from,
                                   @QueryParam("before") String before,
                                   @QueryParam("includeReplayed") String includeReplayed) {
        return Map.of("count", store.operations().countDeadLetters(
                filter(execution, function, queue, errorClass, from, before, includeReplayed)));
    }

    /**
     * One dead letter with its structured error.
     *
     * @param id the dead letter
     * @return it
     */
    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter with its structured error")
    @Parameter(name = "id", description = "the dead letter")
    public DeadLetter show(@PathParam("id") String id) {
        return store.operations().deadLetter(id)
                .orElseThrow(() -> unknown(id));
    }

    /**
     * Replays one dead letter: its execution runs again from the step that failed.
     *
     * @param id the dead letter
     * @return the outcome
     */
    @POST
    @Path("{id}/replay")
    @Operation(summary = "Replays one dead letter: its execution runs again from the step that failed")
    @Parameter(name = "id", description = "the dead letter")
    public Map<String, Object> replay(@PathParam("id") String id) {
        ReplayOutcome outcome = store.operations().replay(id);
        if (outcome == ReplayOutcome.NOT_FOUND) {
            throw unknown(id);
        }
        return Map.of("id", id, "outcome", outcome.name());
    }

    /**
     * Replays every dead letter a filter matches (never a replayed one again), oldest first.
     *
     * @param execution only this execution's dead letters
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after
     * @param before failed before
     * @param max the most to replay, 1 to 10,000 (default 1,000)
     * @return how many were replayed
     */
    @POST
    @Path("replay")
    @Operation(summary = "Replays every dead letter a filter matches (never a replayed one again), oldest first")
    @Parameter(name = "execution", description = "only this execution's dead letters")
    @Parameter(name = "function", description = "only this function")
    @Parameter(name = "queue", description = "only this queue")
    @Parameter(name = "errorClass", description = "only this exception class")
    @Parameter(name = "from", description = "failed at or after")
    @Parameter(name = "before", description = "failed before")
    @Parameter(name = "max", description = "the most to replay, 1 to 10,000 (default 1,000)")
    public Map<String, Object> replayMatching(@QueryParam("execution") String execution,
                                              @QueryParam("function") String function,
                                              @QueryParam("queue") String queue,
                                              @QueryParam("errorClass") String errorClass,
                                              @QueryParam("from") String from, @QueryParam("before") String before,
                                              @QueryParam("max") String max) {
        return Map.of("replayed", store.operations().replayAll(
                filter(execution, function, queue, errorClass, from, before, null),
                QueryParameters.number("max", max, 1_000, 1, StoreOperations.MAX_BULK_REPLAY)).size());
    }

    /**
     * Deletes one dead letter; its execution stays FAILED.
     *
     * @param id the dead letter
     * @return the outcome
     */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes one dead letter; its execution stays FAILED")
    @Parameter(name = "id", description = "the dead letter")
    public Map<String, Object> delete(@PathParam("id") String id) {
        if (!store.operations().deleteDeadLetter(id)) {
            throw unknown(id);
        }
        return Map.of("id", id, "outcome", "DELETED");
    }

    /**
     * Deletes the dead letters that failed longer ago than {@code olderThan}.
     *
     * @param olderThan an ISO-8601 duration, such as P30D
     * @return how many were deleted
     */
    @POST
    @Path("purge")
    @Operation(summary = "Deletes the dead letters that failed longer ago than olderThan")
    @Parameter(name = "olderThan", description = "an ISO-8601 duration, such as P30D")
    public Map<String, Object> purge(@QueryParam("olderThan") String olderThan) {
        return Map.of("purged", store.operations().purgeDeadLetters(QueryParameters.duration("olderThan", olderThan)));
    }

    private static UnknownIdException unknown(String id) {
        return new UnknownIdException(ConsoleMessages.NO_DEAD_LETTER.format(id));
    }

    private static DeadLetterFilter filter(String execution, String function, String queue, String errorClass, String from,
                                           String before, String includeReplayed) {
        return new DeadLetterFilter(QueryParameters.text(execution), QueryParameters.text(function), QueryParameters.text(queue),
                QueryParameters.text(errorClass), QueryParameters.time("from", from),
                QueryParameters.time("before", before), QueryParameters.flag("includeReplayed", includeReplayed));
    }
}
