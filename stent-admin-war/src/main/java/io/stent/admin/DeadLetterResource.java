package io.stent.admin;

import io.stent.store.DeadLetter;
import io.stent.store.DeadLetterFilter;
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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

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
     * A page of dead letters, newest first.
     *
     * @param function only this function
     * @param queue only this queue
     * @param errorClass only this exception class
     * @param from failed at or after (ISO-8601 with offset)
     * @param before failed before (ISO-8601 with offset)
     * @param includeReplayed include replayed ones
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     */
    @GET
    public List<DeadLetter> list(@QueryParam("function") String function, @QueryParam("queue") String queue,
                                 @QueryParam("errorClass") String errorClass, @QueryParam("from") String from,
                                 @QueryParam("before") String before,
                                 @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed,
                                 @QueryParam("limit") @DefaultValue("50") int limit,
                                 @QueryParam("offset") @DefaultValue("0") int offset) {
        DeadLetterFilter filter = new DeadLetterFilter(blankToNull(function), blankToNull(queue),
                blankToNull(errorClass), time("from", from), time("before", before), includeReplayed);
        return store.deadLetters().list(filter, limit, offset);
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
        return store.deadLetters().find(id)
                .orElseThrow(() -> new NotFoundException("STENT-1705 no dead letter with id '" + id + "'"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("STENT-1706 " + name + " '" + value
                    + "' is not an ISO-8601 time with offset, such as 2026-01-31T12:00:00Z");
        }
    }
}
