package app.confidant.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** User and role administration: SECURITY_ADMIN with a fresh MFA check; no invoice data here. */
@Tag(name = "Users")
@Path("users")
@RequestScoped
@RolesAllowed(Roles.SECURITY_ADMIN)
@StepUp
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** {@code password} is there only to be refused: a person chooses their own, with the activation code. */
    public record CreateUserRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only")
            String username,
            String password) {
    }

    /** The one-time activation code, shown this once (only its hash is kept): hand it to the person, not a password. */
    public record ActivationResponse(UUID id, String username, String activationCode, Instant activationExpiresAt) {

        static ActivationResponse of(UserAdminService.NewActivation activation) {
            return new ActivationResponse(activation.id(), activation.username(), activation.code(),
                    activation.expiresAt());
        }
    }

    @Inject
    UserAdminService admin;

    @Inject
    CallerContext callers;

    @POST
    @Operation(summary = "Create a user of the caller's tenant: no password, no roles yet; a one-time activation code "
            + "with which the person sets their own password (POST /auth/activate), then enrols MFA at first login")
    @APIResponses({
            @APIResponse(responseCode = "201", description = "Created: id, username, activationCode, "
                    + "activationExpiresAt"),
            @APIResponse(responseCode = "409", description = "Username taken"),
            @APIResponse(responseCode = "400", description = "Username not acceptable, or a password was sent "
                    + "(password-not-accepted)")})
    public Response create(@Valid @NotNull CreateUserRequest request) {
        if (request.password() != null) {
            throw SecurityException.badRequest("password-not-accepted", "Administrators do not choose passwords: send "
                    + "only the username, and hand the activation code of the answer to the person, who sets their "
                    + "own password with it (POST /api/v1/auth/activate).");
        }
        UserAdminService.NewActivation activation = admin.createUser(callers.require(), request.username());
        return Response.created(URI.create("users/" + activation.id()))
                .entity(ActivationResponse.of(activation)).build();
    }

    @POST
    @Path("{id}/activation")
    @Operation(summary = "A fresh activation code for a person who has not activated yet (the earlier one stops "
            + "working)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "id, username, activationCode, activationExpiresAt"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "The person has activated already (already-activated)")})
    public ActivationResponse reissueActivation(@PathParam("id") UUID id) {
        return ActivationResponse.of(admin.reissueActivation(callers.require(), id));
    }

    @PUT
    @Path("{id}/tenants/{tenant}/roles/{role}")
    @Operation(summary = "Grant a role in the caller's tenant (separation of duties enforced)")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Granted"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409",
                    description = "Conflicts with a role the user holds (separation of duties), a grant to oneself, or "
                            + "a shredded tenant"),
            @APIResponse(responseCode = "400", description = "Unknown role")})
    public Response grant(@PathParam("id") UUID id, @PathParam("tenant") UUID tenant, @PathParam("role") String role) {
        admin.grant(callers.require(), id, tenant, role);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/tenants/{tenant}/roles/{role}")
    @Operation(summary = "Take a role back")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Revoked"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "A change to one's own roles")})
    public Response revoke(@PathParam("id") UUID id, @PathParam("tenant") UUID tenant, @PathParam("role") String role) {
        admin.revoke(callers.require(), id, tenant, role);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/mfa-reset")
    @Operation(summary = "Reset a user's second factor (they enrol again at next login)")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Reset"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public Response resetMfa(@PathParam("id") UUID id) {
        admin.resetMfa(callers.require(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("separation-of-duties-conflicts")
    @Operation(summary = "Users holding roles that separation of duties forbids together")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Conflicts, if any")})
    public List<UserAdminService.Conflict> conflicts() {
        return admin.conflicts();
    }
}
