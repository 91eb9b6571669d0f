package app.confidant.platform;

import app.confidant.audit.AuditUnavailableException;
import app.confidant.audit.IntegrityFailures;
import app.confidant.compliance.ComplianceException;
import app.confidant.crypto.HsmUnavailableException;
import app.confidant.crypto.KeyDestroyedException;
import app.confidant.crypto.SealedValueException;
import app.confidant.einvoice.EInvoiceException;
import app.confidant.invoice.InvoiceException;
import app.confidant.keyceremony.KeyCeremonyException;
import app.confidant.security.Denials;
import app.confidant.security.SecurityException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ext.Providers;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
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

    /** A refusal that is a denial ({@link Denials#isDenial}) becomes an audit event of its own, before the answer. */
    static void recordDenial(HttpServletRequest request, int status, String code, Collection<String> roles,
            String operation) {
        if (!Denials.isDenial(status, code)) {
            return;
        }
        try {
            // looked up per call, as TrainingCheck does: the mappers are Jersey's objects, not CDI beans
            CDI.current().select(Denials.class).get().record(status, code, request.getMethod(),
                    AccessLog.route(request), roles, operation, request.getRemoteAddr());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a denial (" + code + ") could not be recorded", e);
        }
    }

    /** JAX-RS's own errors: unknown path, wrong method, unsupported media type, unreadable body. */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            if (status.getStatusCode() == 403) { // a ForbiddenException of the runtime's own role check
                recordDenial(request, 403, "forbidden", null, null);
            }
            String code = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
            String detail = status.getStatusCode() >= 500 ? null : e.getMessage();
            Response problem = new Problem(status.getStatusCode(), code, status.getReasonPhrase(), detail)
                    .toResponse(instance(uri));
            String allow = e.getResponse().getHeaderString("Allow");
            return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
        }
    }

    /** Refusals of the security capability carry their own status and code. */
    @Provider
    public static class SecurityMapper implements ExceptionMapper<SecurityException> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(SecurityException e) {
            recordDenial(request, e.status(), e.code(), e.requiredRoles(), e.operation());
            Response problem = new Problem(e.status(), e.code(), titleOf(e.status()), e.getMessage())
                    .toResponse(instance(uri));
            return e.status() == 401
                    ? Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build()
                    : problem;
        }
    }

    /** Refusals of the invoicing capability. */
    @Provider
    public static class InvoiceMapper implements ExceptionMapper<InvoiceException> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(InvoiceException e) {
            recordDenial(request, e.status(), e.code(), null, null);
            return new Problem(e.status(), e.code(), titleOf(e.status()), e.getMessage()).toResponse(instance(uri));
        }
    }

    /** Refusals of the e-invoice capability; a document at fault lists the rules it failed. */
    @Provider
    public static class EInvoiceMapper implements ExceptionMapper<EInvoiceException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(EInvoiceException e) {
            if (e.failures().isEmpty()) {
                return new Problem(e.status(), e.code(), titleOf(e.status()), e.getMessage()).toResponse(instance(uri));
            }
            JsonArrayBuilder failures = Json.createArrayBuilder();
            e.failures().forEach(f -> failures.add(Json.createObjectBuilder().add("id", String.valueOf(f.id()))
                    .add("flag", String.valueOf(f.flag())).add("location", String.valueOf(f.location()))
                    .add("message", String.valueOf(f.message()))));
            JsonObject body = Json.createObjectBuilder()
                    .add("type", "https://confidant.app/problems/" + e.code())
                    .add("title", titleOf(e.status())).add("status", e.status()).add("code", e.code())
                    .add("detail", e.getMessage()).add("instance", instance(uri)).add("failures", failures).build();
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
        }
    }

    /** Refusals of key ceremonies (dual control, expired proposals, key states). */
    @Provider
    public static class KeyCeremonyMapper implements ExceptionMapper<KeyCeremonyException> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(KeyCeremonyException e) {
            recordDenial(request, e.status(), e.code(), null, null);
            return new Problem(e.status(), e.code(), titleOf(e.status()), e.getMessage()).toResponse(instance(uri));
        }
    }

    /** Refusals of the compliance capability (security report, SBOM, version). */
    @Provider
    public static class ComplianceMapper implements ExceptionMapper<ComplianceException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ComplianceException e) {
            return new Problem(e.status(), e.code(), titleOf(e.status()), e.getMessage()).toResponse(instance(uri));
        }
    }

    /** Values sealed with a destroyed key (a crypto-shredded tenant): gone for good, not a server failure. */
    @Provider
    public static class KeyDestroyedMapper implements ExceptionMapper<KeyDestroyedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(KeyDestroyedException e) {
            return new Problem(410, "tenant-shredded", "Gone", "The sensitive values asked for were crypto-shredded:"
                    + " their key was destroyed in the HSM and they can never be read again.").toResponse(instance(uri));
        }
    }

    /**
     * A stored row whose sealed values fail their integrity check: nothing of it is returned; the row is named (type
     * and id) in the answer, the log and an audit event, so an operator can restore it (README, Integrity failures).
     */
    @Provider
    public static class SealedValueMapper implements ExceptionMapper<SealedValueException> {
        @Context
        UriInfo uri;

        @jakarta.inject.Inject
        IntegrityFailures integrity;

        @Override
        public Response toResponse(SealedValueException e) {
            try {
                integrity.report(e);
            } catch (RuntimeException auditDown) {
                LOG.log(Level.SEVERE, "could not record the integrity failure in the audit trail", auditDown);
            }
            String row = e.entityId() == null ? "A stored record" : "The stored " + e.entityType() + " " + e.entityId();
            return new Problem(500, IntegrityFailures.CODE, "Stored record failed its integrity check", row
                    + " failed its integrity check (altered, moved, written back from an older state, or its key"
                    + " version changed outside Confidant); none of its sealed values were returned. The event is"
                    + " in the audit trail; the operator restores the record from a verified backup.")
                    .toResponse(instance(uri));
        }
    }

    /** The EJB container refused the caller (a role check of a service): the same answer as RoleCheck's. */
    @Provider
    public static class EjbAccessMapper implements ExceptionMapper<EJBAccessException> {
        @Context
        UriInfo uri;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(EJBAccessException e) {
            recordDenial(request, 403, "forbidden", null, null);
            return new Problem(403, "forbidden", "Forbidden", "Your roles do not allow this.").toResponse(instance(uri));
        }
    }

    /** A system exception inside an EJB arrives wrapped: answer for what is inside (e.g. the HSM being down). */
    @Provider
    public static class EjbMapper implements ExceptionMapper<EJBException> {
        @Context
        Providers providers;

        @Context
        UriInfo uri;

        @Context
        HttpHeaders headers;

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Response toResponse(EJBException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof HsmUnavailableException || cause instanceof AuditUnavailableException
                        || cause instanceof SecurityException
                        || cause instanceof InvoiceException || cause instanceof EInvoiceException
                        || cause instanceof EJBAccessException
                        || cause instanceof KeyCeremonyException || cause instanceof KeyDestroyedException
                        || cause instanceof SealedValueException) {
                    ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
                    return mapper.toResponse(cause);
                }
            }
            return conflictOrUnexpected(e, uri, headers);
        }
    }

    /**
     * A commit failure of a CDI {@code @Transactional} service (e.g. an optimistic-lock failure at commit). Jersey
     * ships its own mapper for this type, which answers an empty 500; ours takes precedence.
     */
    @Provider
    @jakarta.annotation.Priority(1)
    public static class TransactionalMapper implements ExceptionMapper<jakarta.transaction.TransactionalException> {
        @Context
        UriInfo uri;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(jakarta.transaction.TransactionalException e) {
            return conflictOrUnexpected(e, uri, headers);
        }
    }

    /** Bean Validation: 400 with one entry per field, naming the field and the rule, never echoing the value. */
    @Provider
    public static class ValidationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            e.getConstraintViolations().stream()
                    .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> errors.add(Json.createObjectBuilder()
                            .add("field", field(v.getPropertyPath().toString()))
                            .add("message", v.getMessage())));
            JsonObject body = Json.createObjectBuilder()
                    .add("type", "https://confidant.app/problems/validation-failed")
                    .add("title", "Bad Request").add("status", 400).add("code", "validation-failed")
                    .add("detail", "The request is not valid; see errors.")
                    .add("instance", instance(uri)).add("errors", errors).build();
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
        }

        /** "create.arg0.username" → "username": the client's name for it, not the Java method's. */
        private static String field(String path) {
            String[] parts = path.split("\\.");
            return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                    : parts[parts.length - 1];
        }
    }

    /** A body that is not JSON, or not the JSON this endpoint takes (unknown field, wrong type). */
    @Provider
    public static class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return malformedBody(e, uri);
        }
    }

    /** Jersey wraps what the JSON-B reader throws while reading the body in a ProcessingException. */
    @Provider
    public static class BodyProcessingMapper implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            return malformedBody(e, uri);
        }
    }

    /** JSON-B names the property around a refusal of {@link StrictText}: "Unable to deserialize property 'x' …". */
    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("property '([^']{1,100})'");

    private static Response malformedBody(Throwable e, UriInfo uri) {
        String field = null;
        StrictText.Refused refused = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher named = PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (field == null && named.find()) {
                field = named.group(1);
            }
            if (cause instanceof StrictText.Refused r) {
                refused = r;
            }
        }
        if (refused != null) {
            String name = field == null ? "(body)" : field;
            JsonObject body = Json.createObjectBuilder()
                    .add("type", "https://confidant.app/problems/invalid-field").add("title", "Bad Request")
                    .add("status", 400).add("code", "invalid-field")
                    .add("detail", "Field " + name + " " + refused.getMessage() + ".")
                    .add("instance", String.valueOf(instance(uri)))
                    .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("field", name)
                            .add("message", refused.getMessage())))
                    .build();
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(body.toString()).build();
        }
        return new Problem(400, "malformed-body", "Bad Request",
                "The body is not valid JSON for this endpoint (malformed, an unknown field, or a wrong type).")
                .toResponse(instance(uri));
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    /** The audit trail cannot record: the change it would describe is refused (fail closed). */
    @Provider
    public static class AuditUnavailableMapper implements ExceptionMapper<AuditUnavailableException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(AuditUnavailableException e) {
            Response response = new Problem(503, "audit-unavailable", "Audit trail unavailable",
                    "The change could not be recorded in the audit trail, so it was not made. Try again later.")
                    .toResponse(instance(uri));
            return Response.fromResponse(response).header("Retry-After", "5").build();
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

    /** A race the database decided (optimistic lock, unique key) is the client's conflict; anything else is ours. */
    private static Response conflictOrUnexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers != null && headers.getHeaderString("If-Match") != null;
        return Conflicts.of(e, conditional).map(problem -> {
            // the class only: a unique violation's message quotes the duplicated value
            LOG.info(() -> "Concurrent request refused with " + problem.code() + " (" + e.getClass().getName() + ")");
            return problem.toResponse(instance(uri));
        }).orElseGet(() -> unexpected(e, uri));
    }

    /** Anything unexpected: logged with an incident id, answered without internals. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Throwable e) {
            return conflictOrUnexpected(e, uri, headers);
        }
    }

    private static Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return new Problem(500, "internal-error", "Internal error",
                "The request failed unexpectedly; quote incident " + incident + " to the operator.")
                .toResponse(instance(uri));
    }
}
