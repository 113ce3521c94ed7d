package io.stent.admin;

import io.stent.operations.ScheduleView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Recurring schedules: their next fire times and last runs; pause, resume, trigger, delete. */
@Tag(name = "schedules", description = "Recurring schedules: next fire times, last runs; pause, resume, trigger, delete")
@Path("schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    AdminStore store;

    /**
     * Every schedule, by name.
     *
     * @return the schedules
     */
    @GET
    @Operation(summary = "Every schedule, by name, with its next three fire times and its last run")
    public List<ScheduleView> list() {
        return store.operations().schedules();
    }

    /**
     * Pauses a schedule.
     *
     * @param name the schedule
     * @return the outcome
     */
    @POST
    @Path("{name}/pause")
    @Operation(summary = "Pauses a schedule: no fire time starts an execution until it is resumed")
    @Parameter(name = "name", description = "the schedule's name")
    public Map<String, Object> pause(@PathParam("name") String name) {
        return outcome(name, store.operations().pauseSchedule(name), "PAUSED");
    }

    /**
     * Resumes a schedule from its next fire time after now.
     *
     * @param name the schedule
     * @return the outcome
     */
    @POST
    @Path("{name}/resume")
    @Operation(summary = "Resumes a schedule from its next fire time after now (the ones passed while paused are"
            + " dropped)")
    @Parameter(name = "name", description = "the schedule's name")
    public Map<String, Object> resume(@PathParam("name") String name) {
        return outcome(name, store.operations().resumeSchedule(name), "RESUMED");
    }

    /**
     * Starts an execution of a schedule now.
     *
     * @param name the schedule
     * @return the execution's id
     */
    @POST
    @Path("{name}/trigger")
    @Operation(summary = "Starts an execution of a schedule now, whatever its fire times and policies")
    @Parameter(name = "name", description = "the schedule's name")
    public Map<String, Object> trigger(@PathParam("name") String name) {
        String execution = store.operations().triggerSchedule(name).orElseThrow(() -> unknown(name));
        return Map.of("name", name, "outcome", "STARTED", "executionId", execution);
    }

    /**
     * Deletes a schedule.
     *
     * @param name the schedule
     * @return the outcome
     */
    @DELETE
    @Path("{name}")
    @Operation(summary = "Deletes a schedule; the executions it started go on (a declared one comes back with the"
            + " next deployment that declares it)")
    @Parameter(name = "name", description = "the schedule's name")
    public Map<String, Object> delete(@PathParam("name") String name) {
        return outcome(name, store.operations().deleteSchedule(name), "DELETED");
    }

    private static Map<String, Object> outcome(String name, boolean done, String outcome) {
        if (!done) {
            throw unknown(name);
        }
        return Map.of("name", name, "outcome", outcome);
    }

    private static UnknownIdException unknown(String name) {
        return new UnknownIdException(ConsoleMessages.NO_SCHEDULE.format(name));
    }
}
