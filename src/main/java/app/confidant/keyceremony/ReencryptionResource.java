package app.confidant.keyceremony;

import app.confidant.security.Roles;
import app.confidant.security.StepUp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Re-encryption jobs started by key activations: progress (done/total, rate, ETA), pause, resume. */
@Path("reencryption-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key ceremonies")
public class ReencryptionResource {

    @Inject
    ReencryptionService service;

    @GET
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "All re-encryption jobs, newest first, with progress")
    @APIResponse(responseCode = "200", description = "The jobs")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed (Problem Details)")
    public List<JobProgress> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "One job's progress: done/total, rate, ETA")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such job (Problem Details)")
    public JobProgress get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @Operation(summary = "Pause a running job after its current batch")
    @APIResponse(responseCode = "200", description = "Paused")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed or no recent MFA step-up (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such job (Problem Details)")
    @APIResponse(responseCode = "409", description = "The job is not running (Problem Details)")
    public JobProgress pause(@PathParam("id") UUID id) {
        return service.pause(id);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @Operation(summary = "Resume a paused job where its cursor stands")
    @APIResponse(responseCode = "200", description = "Running again")
    @APIResponse(responseCode = "401", description = "Not authenticated (Problem Details)")
    @APIResponse(responseCode = "403", description = "Role not allowed or no recent MFA step-up (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such job (Problem Details)")
    @APIResponse(responseCode = "409", description = "The job is not paused (Problem Details)")
    public JobProgress resume(@PathParam("id") UUID id) {
        return service.resume(id);
    }
}
