package io.stent.admin;

import io.stent.operations.Overview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The overview: the last day's executions by status and hour, queue depths, dead letters, live workers. */
@Tag(name = "overview", description = "The state of the system at a glance")
@Path("overview")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OverviewResource {

    @Inject
    AdminStore store;

    /**
     * The overview.
     *
     * @return it
     */
    @GET
    @Operation(summary = "The last day's executions by status and hour, queue depths, dead letters and live workers")
    public Overview overview() {
        return store.operations().overview();
    }
}
