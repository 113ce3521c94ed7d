package io.stent.admin;

import io.stent.ExecutionStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Executions and their progress.
 */
@Path("executions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    @Inject
    AdminStore store;

    /**
     * A page of executions, newest first.
     *
     * @param status only this status (optional)
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     */
    @GET
    public List<ExecutionView> list(@QueryParam("status") String status,
                                    @QueryParam("limit") @DefaultValue("50") int limit,
                                    @QueryParam("offset") @DefaultValue("0") int offset) {
        return store.queries().list(parseStatus(status), limit, offset).stream().map(ExecutionView::of).toList();
    }

    /**
     * One execution with its recorded steps.
     *
     * @param id the execution id
     * @return the execution and its steps
     */
    @GET
    @Path("{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        ExecutionView execution = store.queries().find(id).map(ExecutionView::of)
                .orElseThrow(() -> new NotFoundException("STENT-1404 no execution with id '" + id + "'"));
        List<StepView> steps = store.queries().steps(id).stream().map(StepView::of).toList();
        return Map.of("execution", execution, "steps", steps);
    }

    private static ExecutionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ExecutionStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("STENT-1702 unknown status '" + status + "'; one of "
                    + Arrays.toString(ExecutionStatus.values()));
        }
    }
}
