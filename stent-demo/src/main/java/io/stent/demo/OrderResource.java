package io.stent.demo;

import io.stent.ExecutionHandle;
import io.stent.StartOptions;
import io.stent.Stent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts and inspects order workflows.
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    Stent stent;
    @Inject
    OrderWorkflow workflow;

    /**
     * Starts an order workflow and returns at once. The order reference is the idempotency key:
     * posting the same order twice starts one workflow.
     *
     * @param request the order
     * @return the execution id
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> start(OrderRequest request) {
        if (request == null || request.orderRef() == null || request.orderRef().isBlank()) {
            throw new IllegalArgumentException("orderRef is required");
        }
        ExecutionHandle<String> handle = stent.start(() -> workflow.placeOrder(request),
                StartOptions.defaults().withIdempotencyKey("order-" + request.orderRef()));
        return Map.of("executionId", handle.id());
    }

    /**
     * Runs an order workflow and waits for it: the plain method call is durable too.
     *
     * @param request the order
     * @return the workflow's result
     */
    @POST
    @Path("sync")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> runAndWait(OrderRequest request) {
        if (request == null || request.orderRef() == null || request.orderRef().isBlank()) {
            throw new IllegalArgumentException("orderRef is required");
        }
        return Map.of("result", workflow.placeOrder(request));
    }

    /**
     * Reads an execution's status, and its result once it finished.
     *
     * @param id the execution id
     * @return status and result
     */
    @GET
    @Path("{id}")
    public Map<String, String> status(@PathParam("id") String id) {
        ExecutionHandle<String> handle = stent.handle(id, String.class);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("executionId", id);
        body.put("status", handle.status().name());
        if (handle.status().isTerminal()) {
            try {
                body.put("result", handle.result());
            } catch (RuntimeException e) {
                body.put("error", e.toString());
            }
        }
        return body;
    }

    /**
     * Approves (or refuses) a large order that waits for approval.
     *
     * @param id the execution id
     * @param approved false to refuse
     * @return the execution id
     */
    @POST
    @Path("{id}/approval")
    public Map<String, String> approve(@PathParam("id") String id,
                                       @jakarta.ws.rs.QueryParam("approved") @jakarta.ws.rs.DefaultValue("true")
                                       boolean approved) {
        stent.signal(id, "approval", approved);
        return Map.of("executionId", id, "approval", Boolean.toString(approved));
    }
}
