package io.stent.admin;

import io.stent.operations.RetentionRunView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The runs of the retention job: where each ran, what it deleted, how it ended. */
@Tag(name = "retention-runs", description = "Runs of the retention job and what each deleted")
@Path("retention-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionRunResource {

    @Inject
    AdminStore store;

    /**
     * The latest retention runs.
     *
     * @return at most 50, newest first
     */
    @GET
    @Operation(summary = "The latest runs of the retention job, newest first, with what each deleted")
    public List<RetentionRunView> list() {
        return store.operations().retentionRuns();
    }
}
