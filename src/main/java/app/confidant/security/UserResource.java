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
import java.util.List;
import java.util.UUID;

/** User and role administration: SECURITY_ADMIN with a fresh MFA check; no invoice data here. */
@Path("users")
@RequestScoped
@RolesAllowed(Roles.SECURITY_ADMIN)
@StepUp
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    public record CreateUserRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only")
            String username,
            @NotNull @Size(min = 12, max = 128) String password) {
    }

    public record UserCreatedResponse(UUID id, String username) {
    }

    @Inject
    UserAdminService admin;

    @Inject
    CallerContext callers;

    @POST
    public Response create(@Valid @NotNull CreateUserRequest request) {
        UserAccount user = admin.createUser(request.username(), request.password().toCharArray());
        return Response.created(URI.create("users/" + user.id()))
                .entity(new UserCreatedResponse(user.id(), user.username())).build();
    }

    @PUT
    @Path("{id}/tenants/{tenant}/roles/{role}")
    public Response grant(@PathParam("id") UUID id, @PathParam("tenant") UUID tenant, @PathParam("role") String role) {
        admin.grant(callers.require(), id, tenant, role);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/tenants/{tenant}/roles/{role}")
    public Response revoke(@PathParam("id") UUID id, @PathParam("tenant") UUID tenant, @PathParam("role") String role) {
        admin.revoke(callers.require(), id, tenant, role);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/mfa-reset")
    public Response resetMfa(@PathParam("id") UUID id) {
        admin.resetMfa(callers.require(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("separation-of-duties-conflicts")
    public List<UserAdminService.Conflict> conflicts() {
        return admin.conflicts();
    }
}
