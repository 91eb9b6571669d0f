package app.confidant.platform;

import app.confidant.crypto.HsmUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as Problem Details; the mapping from exceptions to codes lives here and nowhere else. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getPath();
    }

    /** JAX-RS's own errors: unknown path, wrong method, unsupported media type, unreadable body. */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String code = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
            String detail = status.getStatusCode() >= 500 ? null : e.getMessage();
            Response problem = new Problem(status.getStatusCode(), code, status.getReasonPhrase(), detail)
                    .toResponse(instance(uri));
            String allow = e.getResponse().getHeaderString("Allow");
            return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
        }
    }

    /** The HSM cannot seal or open: fail closed, nothing stored, try again later. */
    @Provider
    public static class HsmUnavailableMapper implements ExceptionMapper<HsmUnavailableException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(HsmUnavailableException e) {
            LOG.warning(() -> "Request refused, HSM unavailable: " + e.getMessage());
            Response response = new Problem(503, "hsm-unavailable", "HSM unavailable",
                    "The hardware security module is not available; nothing was stored. Try again later.")
                    .toResponse(instance(uri));
            return Response.fromResponse(response).header("Retry-After", "5").build();
        }
    }

    /** Anything unexpected: logged with an incident id, answered without internals. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
            return new Problem(500, "internal-error", "Internal error",
                    "The request failed unexpectedly; quote incident " + incident + " to the operator.")
                    .toResponse(instance(uri));
        }
    }
}
