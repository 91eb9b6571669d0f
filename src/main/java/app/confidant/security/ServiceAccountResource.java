package app.confidant.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service accounts of internal applications (mutual TLS): SECURITY_ADMIN with a fresh MFA check. */
@Tag(name = "Service accounts")
@Path("service-accounts")
@RequestScoped
@RolesAllowed(Roles.SECURITY_ADMIN)
@StepUp
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceAccountResource {

    /**
     * {@code tenantId} may be left out (the caller's tenant; another tenant is not found); {@code role} may be left
     * out: INTEGRATION. {@code certificatePem}: the application's own certificate.
     */
    public record RegisterServiceAccountRequest(
            @NotBlank @Size(max = 100) String name,
            UUID tenantId,
            @Size(max = 32) String role,
            @NotBlank @Size(max = 16_384) String certificatePem) {
    }

    public record ServiceAccountResponse(UUID id, String name, UUID tenantId, String role, String certificateSha256,
            String certificateSubject, Instant certificateNotAfter, UUID createdBy, Instant createdAt,
            Instant revokedAt) {

        static ServiceAccountResponse of(ServiceAccount a) {
            return new ServiceAccountResponse(a.id(), a.name(), a.tenantId(), a.role(), a.certSha256(),
                    a.certSubject(), a.certNotAfter(), a.createdBy(), a.createdAt(), a.revokedAt());
        }
    }

    @Inject
    ServiceAccountService serviceAccounts;

    @Inject
    CallerContext callers;

    @POST
    @Operation(summary = "Register an internal application by its client certificate (mutual TLS)")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "Registered"),
            @APIResponse(responseCode = "409", description = "Name or certificate already registered"),
            @APIResponse(responseCode = "400",
                    description = "Not one usable PEM certificate (expired, a CA), a bad name, or a role a service "
                            + "account cannot hold")})
    public Response register(@Valid @NotNull RegisterServiceAccountRequest request) {
        ServiceAccount account = serviceAccounts.register(callers.require(), request.name(), request.tenantId(),
                request.role(), request.certificatePem());
        return Response.created(URI.create("service-accounts/" + account.id()))
                .entity(ServiceAccountResponse.of(account)).build();
    }

    /** Every account of the caller's tenant ever registered, revoked ones included (with {@code revokedAt}). */
    @GET
    @Operation(summary = "List the tenant's service accounts with certificate fingerprint and expiry")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The tenant's service accounts")})
    public List<ServiceAccountResponse> list() {
        return serviceAccounts.list().stream().map(ServiceAccountResponse::of).toList();
    }

    /** Revokes the account; its certificate is refused from the next request on and can never be registered again. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a service account")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Revoked"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public Response unregister(@PathParam("id") UUID id) {
        serviceAccounts.unregister(id);
        return Response.noContent().build();
    }
}
