package io.stent.it.chaos;

import io.stent.ExecutionHandle;
import io.stent.StartOptions;
import io.stent.Stent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Drives the chaos suite over HTTP. */
@Path("chaos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChaosResource {

    @Inject
    Stent stent;
    @Inject
    ChaosWorkflow workflow;

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
     * Starts orders {@code from} to {@code from + count - 1}, each under the idempotency key of its
     * tag (so a batch that failed halfway can be sent again), and sends the orders that wait for a
     * signal their signal at once (it is kept until they wait).
     *
     * @param from the first order number
     * @param count how many
     * @return how many were started
     */
    @POST
    @Path("start")
    public Map<String, Integer> start(@QueryParam("from") int from, @QueryParam("count") int count) {
        for (int n = from; n < from + count; n++) {
            OrderId order = OrderId.of(n);
            ExecutionHandle<String> handle = stent.start(() -> workflow.order(order),
                    StartOptions.defaults().withIdempotencyKey(order.tag()));
            if (n % 5 == 0) {
                try {
                    handle.signal("approve", "yes");
                } catch (io.stent.ExecutionFinishedException e) {
                    // a batch sent again: this order finished already
                }
            }
        }
        return Map.of("started", count);
    }
}
