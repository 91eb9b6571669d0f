package app.confidant.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant registry: platform administrators create tenants under four eyes; every security administrator sees
 * their own.
 */
@Tag(name = "Tenants")
@Path("tenants")
@RequestScoped
@RolesAllowed(Roles.SECURITY_ADMIN)
@StepUp
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    /** {@code id} may be left out: a new one is drawn. */
    public record CreateTenantRequest(UUID id, @NotBlank @Size(max = 200) String displayName) {
    }

    public record TenantResponse(UUID id, String displayName, String state, Instant createdAt, UUID createdBy) {

        static TenantResponse of(Tenant t) {
            return new TenantResponse(t.id(), t.displayName(), t.state(), t.createdAt(), t.createdBy());
        }
    }

    @Inject
    TenantService tenants;

    @Inject
    ApprovalService approvals;

    @Inject
    Clock clock;

    @POST
    @Operation(summary = "Propose a tenant (platform administrators only); it exists once a second one approves")
    @APIResponses({
            @APIResponse(responseCode = "202", description = "Proposed: the approval names the tenant id "
                    + "(targetId; Location approvals/{id})"),
            @APIResponse(responseCode = "400", description = "No reason (X-Reason), or the nil id"),
            @APIResponse(responseCode = "403", description = "Not a platform administrator (platform-only)"),
            @APIResponse(responseCode = "409", description = "A tenant with that id exists")})
    public Response create(@Valid @NotNull CreateTenantRequest request, @HeaderParam("X-Reason") String reason,
            @HeaderParam(UserResource.VALID_FOR) Long validFor) {
        return ApprovalResource.accepted(approvals.propose(
                ApprovalService.Proposal.tenant(request.id(), request.displayName(), reason, validFor)), clock);
    }

    @GET
    @Operation(summary = "Tenants: every tenant for platform administrators, one's own for a tenant's")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The tenants")})
    public List<TenantResponse> list() {
        return tenants.list().stream().map(TenantResponse::of).toList();
    }
}
