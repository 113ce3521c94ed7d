package io.stent.it.lifecycle;

import io.stent.Stent;
import io.stent.operations.DeadLetterFilter;
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

/** Drives the lifecycle tests over HTTP. */
@Path("life")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    @Inject
    Stent stent;
    @Inject
    Fulfilment fulfilment;
    @Inject
    Effects effects;

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
     * Starts a fulfilment.
     *
     * @param tag the run's tag
     * @return the execution id
     */
    @POST
    @Path("start/{tag}")
    public Map<String, String> start(@PathParam("tag") String tag) {
        return Map.of("id", stent.start(() -> fulfilment.fulfil(tag, Parcel.coded("P-" + tag))).id());
    }

    /**
     * Reports a run: status, result, attempts spent, effects and dead letters.
     *
     * @param tag the run's tag
     * @param id the execution id
     * @return the report
     */
    @GET
    @Path("report/{tag}/{id}")
    public Map<String, Object> report(@PathParam("tag") String tag, @PathParam("id") String id) {
        JdbcStore store = JdbcStore.on(effects.dataSource());
        var record = store.store().executions().find(id).orElseThrow();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", record.status().name());
        String result = "";
        if (record.status().isTerminal()) {
            try {
                result = stent.handle(id, String.class).result();
            } catch (RuntimeException e) {
                result = "failed: " + e;
            }
        }
        report.put("result", result);
        report.put("attempts", record.attempts());
        report.put("picks", effects.count(tag, "pick"));
        report.put("labels", effects.count(tag, "label:P-" + tag));
        try (store) {
            report.put("deadLetters", store.queries().deadLetters(DeadLetterFilter.pending(),
                    io.stent.operations.DeadLetterSort.FAILED_AT, io.stent.operations.PageRequest.first(500))
                    .items().stream().filter(letter -> letter.executionId().equals(id)).count());
        }
        return report;
    }
}
