package io.stent.admin;

import io.stent.operations.BulkReplayView;
import io.stent.operations.DeadLetterFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Bulk replays of dead letters, run as Jakarta Batch jobs: start by filter, watch, stop, resume. */
@Tag(name = "bulk-replays", description = "Bulk replays of dead letters as batch jobs: start, progress, stop, resume")
@Path("bulk-replays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BulkReplayResource {

    @Inject
    AdminStore store;

    /**
     * The latest bulk replays with their progress.
     *
     * @return at most 50, newest first
     */
    @GET
    @Operation(summary = "The latest bulk replays, newest first, with their progress (replayed, skipped, remaining)")
    public List<BulkReplayView> list() {
        return store.operations().bulkReplays();
    }

    /**
     * Starts a bulk replay of every dead letter a filter matches (never a replayed one again).
     *
     * @param execution only this execution's dead letters
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after
     * @param before failed before
     * @return the bulk replay as it starts
     */
    @POST
    @Operation(summary = "Starts a bulk replay, as a batch job, of every dead letter a filter matches")
    @Parameter(name = "execution", description = "only this execution's dead letters")
    @Parameter(name = "function", description = "only this function")
    @Parameter(name = "queue", description = "only this queue")
    @Parameter(name = "errorClass", description = "only this exception class")
    @Parameter(name = "from", description = "failed at or after (ISO-8601 with offset)")
    @Parameter(name = "before", description = "failed before")
    public BulkReplayView start(@QueryParam("execution") String execution, @QueryParam("function") String function,
                                @QueryParam("queue") String queue, @QueryParam("errorClass") String errorClass,
                                @QueryParam("from") String from, @QueryParam("before") String before) {
        return store.operations().startBulkReplay(new DeadLetterFilter(QueryParameters.text(execution),
                QueryParameters.text(function), QueryParameters.text(queue), QueryParameters.text(errorClass),
                QueryParameters.time("from", from), QueryParameters.time("before", before), false));
    }

    /**
     * One bulk replay with its progress.
     *
     * @param id the bulk replay
     * @return it
     */
    @GET
    @Path("{id}")
    @Operation(summary = "One bulk replay with its progress, however old")
    @Parameter(name = "id", description = "the bulk replay")
    public BulkReplayView one(@PathParam("id") String id) {
        return store.operations().bulkReplay(id)
                .orElseThrow(() -> new UnknownIdException(io.stent.store.StoreMessages.NO_BULK_REPLAY.format(id)));
    }

    /**
     * Asks a running bulk replay to stop after its chunk in progress.
     *
     * @param id the bulk replay
     * @return the outcome
     */
    @POST
    @Path("{id}/stop")
    @Operation(summary = "Asks a running bulk replay to stop after its chunk in progress")
    @Parameter(name = "id", description = "the bulk replay")
    public Map<String, Object> stop(@PathParam("id") String id) {
        known(id);
        return Map.of("id", id, "outcome", store.operations().stopBulkReplay(id) ? "STOPPING" : "NOT_RUNNING");
    }

    /**
     * Runs a stopped, failed or broken-off bulk replay again from where it got to.
     *
     * @param id the bulk replay
     * @return the outcome
     */
    @POST
    @Path("{id}/resume")
    @Operation(summary = "Runs a stopped, failed or broken-off bulk replay again from where it got to")
    @Parameter(name = "id", description = "the bulk replay")
    public Map<String, Object> resume(@PathParam("id") String id) {
        known(id);
        return Map.of("id", id, "outcome", store.operations().resumeBulkReplay(id) ? "RUNNING" : "COMPLETED");
    }

    private void known(String id) {
        if (store.operations().bulkReplay(id).isEmpty()) {
            throw new UnknownIdException(io.stent.store.StoreMessages.NO_BULK_REPLAY.format(id));
        }
    }
}
