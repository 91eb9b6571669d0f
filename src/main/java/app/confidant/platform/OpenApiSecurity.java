package app.confidant.platform;

import app.confidant.security.StepUp;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document from what the code enforces, so that it cannot drift: each operation's roles (from
 * {@code @RolesAllowed}, as {@code x-roles} and in its description), whether it needs a recent second factor
 * ({@code @StepUp}), the 400/401/403/503 answers every such operation can give, and the Problem Details body of
 * every error. Summaries and operation-specific errors are written on the resources.
 */
public class OpenApiSecurity implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiSecurity.class.getName());
    private static final String PROBLEM = "application/problem+json";
    /** {@code x-roles} of an operation that needs no authentication (an empty list would vanish from the JSON). */
    static final String ANYONE = "ANYONE";

    /** What a resource method declares. */
    record Access(List<String> roles, boolean anyone, boolean stepUp) {
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Map<String, Access> access = scan();
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema("Problem", problemSchema());
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Access declared = access.get(key(method.name(), path));
            if (declared == null) {
                LOG.warning(() -> "OpenAPI: no resource method found for " + method + " " + path);
                return;
            }
            describe(operation, declared);
        }));
    }

    private static void describe(Operation operation, Access access) {
        String who = access.anyone() ? "anyone (no token)" : String.join(", ", access.roles());
        String text = "Roles: " + who + "." + (access.stepUp()
                ? " Needs step-up: a second factor (TOTP) given within the last five minutes." : "");
        operation.setDescription(operation.getDescription() == null ? text : text + "\n\n" + operation.getDescription());
        operation.addExtension("x-roles", access.anyone() ? List.of(ANYONE) : access.roles());
        operation.addExtension("x-step-up", access.stepUp());
        if (!access.anyone()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        if (operation.getRequestBody() != null || operation.getParameters() != null
                && !operation.getParameters().isEmpty()) {
            addIfAbsent(responses, "400", "Malformed JSON, an unknown field, or a value that breaks a rule "
                    + "(field-level messages in `errors`); nothing is stored");
        }
        if (!access.anyone()) {
            addIfAbsent(responses, "401", "No valid bearer token or registered client certificate");
            addIfAbsent(responses, "403", access.stepUp()
                    ? "The caller's roles do not allow this (`forbidden`), or no recent second factor "
                            + "(`step-up-required`)"
                    : "The caller's roles do not allow this (`forbidden`)");
        }
        addIfAbsent(responses, "503", "The HSM or the audit trail is unavailable; nothing was changed (fail closed)");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 Problem Details; `code` is stable and meant for programs")
                .addProperty("type", text).addProperty("title", text).addProperty("detail", text)
                .addProperty("instance", text).addProperty("code", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(
                        OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", text).addProperty("message", text)));
    }

    /** Every JAX-RS resource method of the application, by HTTP method and full path template. */
    private static Map<String, Access> scan() {
        String root = ConfidantApplication.class.getAnnotation(ApplicationPath.class).value();
        Map<String, Access> methods = new HashMap<>();
        for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base == null || !type.getPackageName().startsWith("app.confidant")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = root + "/" + base.value() + (sub == null ? "" : "/" + sub.value());
                    methods.put(key(http, path), access(type, method));
                }
            }
        }
        return methods;
    }

    private static Access access(Class<?> type, Method method) {
        RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : method.isAnnotationPresent(PermitAll.class) ? null : type.getAnnotation(RolesAllowed.class);
        boolean stepUp = method.isAnnotationPresent(StepUp.class) || type.isAnnotationPresent(StepUp.class);
        return roles == null ? new Access(List.of(), true, false)
                : new Access(List.of(roles.value()), false, stepUp);
    }

    private static String httpMethod(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> http : List.of(GET.class, POST.class, PUT.class,
                DELETE.class, PATCH.class)) {
            if (method.isAnnotationPresent(http)) {
                return http.getSimpleName();
            }
        }
        return null;
    }

    /** "POST /api/v1/invoices/{}/issue": slashes collapsed, template names and regular expressions dropped. */
    static String key(String httpMethod, String path) {
        String normalised = ("/" + path).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return httpMethod.toUpperCase(java.util.Locale.ROOT) + " " + normalised;
    }
}
