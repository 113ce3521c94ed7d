package io.stent.it.console;

import io.stent.StartOptions;
import io.stent.Stent;
import io.stent.operations.DeadLetterFilter;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.PageRequest;
import io.stent.operations.ReplayOutcome;
import io.stent.operations.StentOperations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Starts the console test's executions. */
@Path("chores")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChoresResource {

    @Inject
    Stent stent;
    @Inject
    Chores chores;
    @Inject
    StentOperations operations;

    /**
     * Answers once the application is deployed.
     *
     * @return a fixed answer
     */
    @GET
    @Path("ready")
    public Map<String, String> ready() {
        return Map.of("ready", "yes");
    }

    /**
     * Starts an execution that completes.
     *
     * @param text its argument
     * @param key its idempotency key, or none
     * @return its id
     */
    @POST
    @Path("echo")
    public Map<String, String> echo(@QueryParam("text") String text, @QueryParam("key") String key) {
        StartOptions options = key == null ? StartOptions.defaults() : StartOptions.defaults().withIdempotencyKey(key);
        return Map.of("id", stent.start(() -> chores.echo(text), options).id());
    }

    /**
     * Starts an execution that fails for good.
     *
     * @param text its error message
     * @return its id
     */
    @POST
    @Path("fail")
    public Map<String, String> fail(@QueryParam("text") String text) {
        return Map.of("id", stent.start(() -> chores.fail(text)).id());
    }

    /**
     * Starts an execution that fails until healed.
     *
     * @param text its error message, later its result
     * @return its id
     */
    @POST
    @Path("flaky")
    public Map<String, String> flaky(@QueryParam("text") String text) {
        return Map.of("id", stent.start(() -> chores.flaky(text)).id());
    }

    /**
     * Starts an execution that runs until a file exists.
     *
     * @param text the file
     * @return its id
     */
    @POST
    @Path("hold")
    public Map<String, String> hold(@QueryParam("text") String text) {
        return Map.of("id", stent.start(() -> chores.hold(text)).id());
    }

    /**
     * Starts an execution of the oddly named function, which waits for a signal.
     *
     * @param text its argument
     * @return its id
     */
    @POST
    @Path("odd")
    public Map<String, String> odd(@QueryParam("text") String text) {
        return Map.of("id", stent.start(() -> chores.oddlyNamed(text)).id());
    }

    /**
     * Starts an execution that fails in its second step.
     *
     * @param text the steps' input
     * @return its id
     */
    @POST
    @Path("two-steps")
    public Map<String, String> twoSteps(@QueryParam("text") String text) {
        return Map.of("id", stent.start(() -> chores.twoSteps(text)).id());
    }

    /**
     * Lets flaky executions complete from now on.
     *
     * @return a fixed answer
     */
    @POST
    @Path("heal")
    public Map<String, String> heal() {
        chores.heal();
        return Map.of("healed", "yes");
    }

    /**
     * Replays an execution's dead letters through the injected operations API, as application code would.
     *
     * @param execution the execution id
     * @return how many dead letters it had and how many were replayed
     */
    @POST
    @Path("replay/{execution}")
    public Map<String, Object> replayThroughTheApi(@jakarta.ws.rs.PathParam("execution") String execution) {
        var letters = operations.deadLetters(DeadLetterFilter.pending().ofExecution(execution), DeadLetterSort.FAILED_AT,
                PageRequest.first(10)).items();
        long replayed = letters.stream().filter(letter -> operations.replay(letter.id()) == ReplayOutcome.REPLAYED)
                .count();
        return Map.of("deadLetters", letters.size(), "replayed", replayed);
    }
}
