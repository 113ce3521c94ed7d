package io.stent.demo;

import io.stent.ExecutionFinishedException;
import io.stent.ExecutionNotFoundException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of the demo's API with JSON: 400 for a bad order or a body that is not
 * JSON, 404 for an unknown execution, 409 for a finished one, the framework's own status
 * otherwise, and 500 (logged) for anything unexpected.
 */
@Provider
public class DemoErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(DemoErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            return json(400, failure.getMessage());
        }
        if (failure instanceof JsonbException || failure instanceof ProcessingException
                || failure.getCause() instanceof JsonbException) {
            return json(400, "the body is not an order in JSON, such as {\"orderRef\":\"A-1\",\"item\":\"book\","
                    + "\"quantity\":1,\"unitCents\":1299}");
        }
        if (failure instanceof ExecutionNotFoundException) {
            return json(404, failure.getMessage());
        }
        if (failure instanceof ExecutionFinishedException) {
            return json(409, failure.getMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return json(web.getResponse().getStatus(), web.getMessage());
        }
        LOG.log(Level.SEVERE, "the demo failed to answer a request", failure);
        return json(500, "the demo failed; the server log has the details");
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "error", String.valueOf(message))).build();
    }
}
