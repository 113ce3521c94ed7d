package io.stent.admin;

import io.stent.operations.AuditView;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail: what operators did, the newest first. */
@Tag(name = "audit", description = "What operators did")
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AdminStore store;

    /**
     * A page of the audit trail.
     *
     * @param actor only this user's actions
     * @param operation only this operation, e.g. dead-letter.replay
     * @param limit page size, 1 to 500 (default 50)
     * @param offset rows to skip
     * @return the page
     */
    @GET
    @Operation(summary = "A page of the audit trail")
    @Parameter(name = "actor", description = "only this user's actions")
    @Parameter(name = "operation", description = "only this operation, e.g. dead-letter.replay")
    @Parameter(name = "limit", description = "page size, 1 to 500 (default 50)")
    @Parameter(name = "offset", description = "rows to skip")
    public Page<AuditView> list(@QueryParam("actor") String actor, @QueryParam("operation") String operation,
                                @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return store.operations().audit(QueryParameters.text(actor), QueryParameters.text(operation),
                new PageRequest(QueryParameters.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                        QueryParameters.number("limit", limit, 50, 1, PageRequest.MAX_LIMIT), false));
    }
}
