package app.confidant.keyceremony;

import app.confidant.audit.Reasons;
import app.confidant.security.Roles;
import app.confidant.security.StepUp;
import app.confidant.security.TrainingRequired;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Token backups, recorded after the server has verified them; part of every ceremony that creates a key. */
@Path("key-backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Key ceremonies")
public class KeyBackupResource {

    @Inject
    KeyBackupService service;

    @Inject
    Reasons reasons;

    @POST
    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @StepUp
    @TrainingRequired
    @Operation(summary = "Verify a token backup (hash, restore into a scratch token, compare KCVs) and record it")
    @APIResponse(responseCode = "201", description = "Recorded: VERIFIED, or PARTIAL with the keys it lacks")
    @APIResponse(responseCode = "400", description = "Invalid request or archive not in the backup directory (Problem Details)")
    @APIResponse(responseCode = "422", description = "Wrong SHA-256, or the backup cannot be verified (Problem Details)")
    @APIResponse(responseCode = "503", description = "Backups not configured, or HSM unavailable (Problem Details)")
    public Response record(@Valid @NotNull KeyBackupRequest request) {
        reasons.put(request.reason());
        KeyBackupResponse recorded = service.record(request);
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }

    @GET
    @RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
    @Operation(summary = "The newest recorded backups and the keys each holds")
    @APIResponse(responseCode = "200", description = "Backups, newest first")
    public List<KeyBackupResponse> list() {
        return service.list();
    }
}
