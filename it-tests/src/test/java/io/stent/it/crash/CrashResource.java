package io.stent.it.crash;

import io.stent.ExecutionHandle;
import io.stent.Stent;
import io.stent.store.JdbcStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Drives the crash test over HTTP. */
@Path("crash")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CrashResource {

    @Inject
    Stent stent;
    @Inject
    CrashWorkflow workflow;
    @Inject
    EffectLog effects;

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
     * Starts a run.
     *
     * @param tag the run's tag
     * @return the execution id
     */
    @POST
    @Path("start/{tag}")
    public Map<String, String> start(@PathParam("tag") String tag) {
        return Map.of("id", stent.start(() -> workflow.run(tag)).id());
    }

    /**
     * Starts a run of the workflow with a transactional and a plain gated step.
     *
     * @param tag the run's tag
     * @return the execution id
     */
    @POST
    @Path("start-both/{tag}")
    public Map<String, String> startBoth(@PathParam("tag") String tag) {
        return Map.of("id", stent.start(() -> workflow.both(tag)).id());
    }

    /**
     * Reports a run: status, result, recorded steps and the effect counts per step.
     *
     * @param tag the run's tag
     * @param id the execution id
     * @return the report
     */
    @GET
    @Path("report/{tag}/{id}")
    public Map<String, Object> report(@PathParam("tag") String tag, @PathParam("id") String id) {
        ExecutionHandle<String> handle = stent.handle(id, String.class);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", handle.status().name());
        report.put("result", handle.status().isTerminal() ? handle.result() : "");
        report.put("recordedSteps", JdbcStore.on(effects.dataSource()).store().steps().list(id).size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        effects.counts(tag).forEach((step, count) -> counts.put("step" + step, count));
        report.put("effects", counts);
        return report;
    }
}
