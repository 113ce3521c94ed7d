package io.stent.it.retention;

import io.stent.operations.StentOperations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Starts the retention job as an operator would (a trigger of its schedule), and answers once deployed. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    StentOperations operations;

    /**
     * @return a fixed answer once the application is deployed
     */
    @GET
    @Path("ready")
    public Map<String, String> ready() {
        return Map.of("ready", "yes");
    }

    /**
     * Triggers the retention schedule.
     *
     * @return the id of the execution that starts the job
     * @throws NotFoundException until the first schedule round has written the schedule
     */
    @POST
    @Path("run")
    public Map<String, String> run() {
        return Map.of("executionId", operations.triggerSchedule("stent.retention")
                .orElseThrow(() -> new NotFoundException("the retention schedule is not written yet")));
    }
}
