package io.stent.admin;

import io.stent.ExecutionFinishedException;
import io.stent.ExecutionNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every failure of the REST API with a problem body (RFC 9457): bad input 400, unknown ids
 * 404, the framework's own refusals with their status, and anything unexpected 500 with a code and
 * no stack trace (the trace goes to the server log).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof BadParameterException bad) {
            return problem(400, bad.getMessage(), ConsoleMessages.BAD_REQUEST.code(), bad.parameter());
        }
        if (failure instanceof IllegalArgumentException || failure instanceof io.stent.StentArgumentException) {
            return problem(400, failure.getMessage(), ConsoleMessages.BAD_REQUEST.code(), null);
        }
        if (failure instanceof UnknownIdException unknown) {
            return problem(404, unknown.getMessage(), io.stent.ApiMessages.EXECUTION_NOT_FOUND.code(), null);
        }
        if (failure instanceof ConsoleUnavailableException unavailable) {
            return problem(503, unavailable.getMessage(), ConsoleMessages.NO_TABLES.code(), null);
        }
        if (failure instanceof ExecutionNotFoundException unknown) {
            return problem(404, unknown.getMessage(), unknown.code(), null);
        }
        if (failure instanceof ExecutionFinishedException finished) {
            return problem(409, finished.getMessage(), finished.code(), null);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return problem(status, status == 404 ? ConsoleMessages.NO_RESOURCE.format()
                    : status == 405 ? ConsoleMessages.WRONG_METHOD.format()
                    : status == 415 ? ConsoleMessages.WRONG_CONTENT_TYPE.format()
                    : ConsoleMessages.REQUEST_REFUSED.format(web.getMessage()), ConsoleMessages.REQUEST_REFUSED.code(),
                            null);
        }
        LOG.log(Level.SEVERE, ConsoleMessages.CONSOLE_FAILED.format(), failure);
        return problem(500, ConsoleMessages.CONSOLE_FAILED.format(), ConsoleMessages.CONSOLE_FAILED.code(), null);
    }

    private static Response problem(int status, String message, String fallbackCode, String parameter) {
        String[] codeAndDetail = Problems.codeAndDetail(message, fallbackCode);
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(status, codeAndDetail[0], codeAndDetail[1], parameter).toString()).build();
    }
}
