package io.stent.admin;

import io.stent.operations.Overview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The overview: the last day's executions by status and hour, queue depths, dead letters, live workers. */
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
    public Overview overview() {
        return store.operations().overview();
    }
}
