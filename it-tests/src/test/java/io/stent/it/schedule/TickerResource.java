package io.stent.it.schedule;

import io.stent.operations.StentOperations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Answers once the application is deployed, and pauses the schedule as an operator would. */
@Path("ticks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TickerResource {

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
     * Pauses the ticker schedule.
     *
     * @return whether there was one
     */
    @POST
    @Path("pause")
    public Map<String, Boolean> pause() {
        return Map.of("paused", operations.pauseSchedule("ticker"));
    }
}
