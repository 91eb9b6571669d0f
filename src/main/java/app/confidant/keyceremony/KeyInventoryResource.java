package app.confidant.keyceremony;

import app.confidant.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The key inventory: read-only, for key custodians and auditors. */
@Path("keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key ceremonies")
public class KeyInventoryResource {

    @Inject
    KeyInventoryService service;

    @GET
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "Every key in the HSM and the registry, with live attributes, KCV and stored-value counts")
    @APIResponse(responseCode = "200", description = "The inventory")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed (Problem Details)")
    @APIResponse(responseCode = "503", description = "HSM unavailable (Problem Details)")
    public List<KeyResponse> inventory() {
        return service.inventory();
    }
}
