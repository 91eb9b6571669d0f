package app.confidant.keyceremony;

import app.confidant.audit.Reasons;
import app.confidant.security.Roles;
import app.confidant.security.StepUp;
import app.confidant.security.TrainingRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key ceremonies under dual control: propose, approve (by another custodian), cancel; every step needs MFA. */
@Path("key-ceremonies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Key ceremonies")
public class KeyCeremonyResource {

    @Inject
    KeyCeremonyService service;

    @Inject
    Reasons reasons;

    @POST
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @TrainingRequired
    @Operation(summary = "Propose a ceremony (generate, activate, retire, destroy, shred) with a reason")
    @APIResponse(responseCode = "201", description = "Proposed; awaits another custodian's approval")
    @APIResponse(responseCode = "400", description = "Invalid proposal (Problem Details)")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed or no recent MFA step-up (Problem Details)")
    @APIResponse(responseCode = "422", description = "Not supported for this key purpose (Problem Details)")
    public Response propose(@Valid @NotNull CeremonyRequest request) {
        reasons.put(request.reason());
        CeremonyResponse proposed = service.propose(request);
        return Response.created(URI.create("key-ceremonies/" + proposed.id())).entity(proposed).build();
    }

    @GET
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "Ceremonies, newest first")
    @APIResponse(responseCode = "200", description = "A page of ceremonies")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed (Problem Details)")
    public List<CeremonyResponse> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(KeyCeremonyService.MAX_PAGE) int limit) {
        return service.list(offset, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "One ceremony")
    @APIResponse(responseCode = "200", description = "The ceremony")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such ceremony (Problem Details)")
    public CeremonyResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @TrainingRequired
    @Operation(summary = "Approve another custodian's proposal; the ceremony is carried out at once")
    @APIResponse(responseCode = "200", description = "Approved and done")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Own proposal (dual-control), role or step-up missing (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such ceremony (Problem Details)")
    @APIResponse(responseCode = "409", description = "Expired, decided already, or the key cannot make this step (Problem Details)")
    public CeremonyResponse approve(@PathParam("id") UUID id) {
        return service.approve(id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @TrainingRequired
    @Operation(summary = "Cancel a pending proposal")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed or no recent MFA step-up (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such ceremony (Problem Details)")
    @APIResponse(responseCode = "409", description = "Expired or decided already (Problem Details)")
    public CeremonyResponse cancel(@PathParam("id") UUID id) {
        return service.cancel(id);
    }
}
