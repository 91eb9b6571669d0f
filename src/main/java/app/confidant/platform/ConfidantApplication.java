package app.confidant.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** All of Confidant's REST API lives under {@code /api/v1}; health and OpenAPI are served at the server root. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Confidant", version = "1",
        description = "Confidential electronic invoicing: parties, invoices and their workflow, payments, credit "
                + "notes, the audit trail and identities. Every sensitive field is sealed with AES-256-GCM inside an "
                + "HSM. Each operation states the roles it admits; every error is an RFC 9457 Problem Details body "
                + "with a stable `code`."))
// OpenAPI 3.0 (MicroProfile OpenAPI 3.1) has no mutual-TLS scheme: service accounts are described in words.
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "People: the token from POST /auth/login, after the second factor. Internal applications "
                + "authenticate instead with a client certificate registered as a service account (mutual TLS).")
public class ConfidantApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // No generated WADL: the API is described by the OpenAPI document, and nothing else is exposed.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
