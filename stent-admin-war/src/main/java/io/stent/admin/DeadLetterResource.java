package io.stent.admin;

import io.stent.store.DeadLetter;
import io.stent.store.DeadLetterFilter;
import io.stent.store.query.DeadLetterSort;
import io.stent.store.query.Page;
import io.stent.store.query.PageRequest;
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

/**
 * The dead-letter queue, read-only. Replay and delete come with console authentication.
 */
@Path("dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    AdminStore store;

    /**
     * A page of dead letters.
     *
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after (ISO-8601 with offset)
     * @param before failed before (ISO-8601 with offset)
     * @param includeReplayed include replayed ones
     * @param sort failed_at (default), function or error_class
     * @param order desc (default) or asc
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     */
    @GET
    public Page<DeadLetter> list(@QueryParam("function") String function, @QueryParam("queue") String queue,
                                 @QueryParam("errorClass") String errorClass, @QueryParam("from") String from,
                                 @QueryParam("before") String before,
                                 @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed,
                                 @QueryParam("sort") String sort, @QueryParam("order") String order,
                                 @QueryParam("limit") @DefaultValue("50") int limit,
                                 @QueryParam("offset") @DefaultValue("0") int offset) {
        DeadLetterFilter filter = new DeadLetterFilter(QueryParameters.text(function), QueryParameters.text(queue),
                QueryParameters.text(errorClass), QueryParameters.time("from", from),
                QueryParameters.time("before", before), includeReplayed);
        return store.queries().deadLetters(filter,
                QueryParameters.choice("sort", sort, DeadLetterSort.class, DeadLetterSort.FAILED_AT),
                new PageRequest(offset, limit, QueryParameters.ascending(order)));
    }

    /**
     * One dead letter with its structured error.
     *
     * @param id the dead letter
     * @return it
     */
    @GET
    @Path("{id}")
    public DeadLetter show(@PathParam("id") String id) {
        return store.queries().deadLetter(id)
                .orElseThrow(() -> new NotFoundException("STENT-1705 no dead letter with id '" + id + "'"));
    }
}
