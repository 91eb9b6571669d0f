package app.confidant.security;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Security training: modules, attestations, the compliance view and reminders. */
@Path("training")
@RequestScoped
@Tag(name = "Security training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    public record AttestationRequest(@Min(1) int version) {
    }

    public record AttestationResponse(UUID id, UUID moduleId, int moduleVersion, Instant attestedAt) {
    }

    @Inject
    TrainingService training;

    @Inject
    CallerContext callers;

    @GET
    @Path("modules")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
            Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    @Operation(summary = "List training modules in their current versions")
    @APIResponse(responseCode = "200", description = "The modules")
    @APIResponse(responseCode = "401", description = "Not authenticated")
    public List<TrainingModuleResponse> modules() {
        return training.modules().stream().map(TrainingModuleResponse::of).toList();
    }

    @POST
    @Path("modules")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @StepUp
    @Operation(summary = "Publish a training module (version 1)")
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "400", description = "Invalid module (Problem Details)")
    @APIResponse(responseCode = "403", description = "Not allowed or no fresh MFA check (Problem Details)")
    @APIResponse(responseCode = "409", description = "A module with that title exists (Problem Details)")
    public Response publish(@Valid @NotNull TrainingModuleRequest request) {
        if (request.title() == null || request.title().isBlank()) {
            throw new SecurityException(400, "validation-failed", "title: must not be blank");
        }
        TrainingModule module = training.publish(callers.require(), request.title(), request.content(),
                request.audience(), request.validityDays());
        return Response.created(URI.create("training/modules/" + module.id()))
                .entity(TrainingModuleResponse.of(module)).build();
    }

    @PUT
    @Path("modules/{id}")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @StepUp
    @Operation(summary = "Publish a new version of a module; earlier attestations become stale")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", description = "Invalid module (Problem Details)")
    @APIResponse(responseCode = "403", description = "Not allowed or no fresh MFA check (Problem Details)")
    @APIResponse(responseCode = "404", description = "No such module (Problem Details)")
    public TrainingModuleResponse revise(@PathParam("id") UUID id, @Valid @NotNull TrainingModuleRequest request) {
        return TrainingModuleResponse.of(training.revise(callers.require(), id, request.content(),
                request.audience(), request.validityDays()));
    }

    @POST
    @Path("modules/{id}/attestations")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
            Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    @Operation(summary = "Attest that I completed the module's current version")
    @APIResponse(responseCode = "201", description = "Attested")
    @APIResponse(responseCode = "404", description = "No such module (Problem Details)")
    @APIResponse(responseCode = "409", description = "Not the current version, or a service account (Problem Details)")
    public Response attest(@PathParam("id") UUID id, @Valid @NotNull AttestationRequest request) {
        TrainingAttestation a = training.attest(callers.require(), id, request.version());
        return Response.status(Response.Status.CREATED)
                .entity(new AttestationResponse(a.id(), a.moduleId(), a.moduleVersion(), a.attestedAt())).build();
    }

    @GET
    @Path("compliance")
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Training compliance per role and per person: current, due soon, overdue")
    @APIResponse(responseCode = "200", description = "The compliance view")
    @APIResponse(responseCode = "403", description = "Not allowed (Problem Details)")
    public TrainingComplianceResponse compliance() {
        return TrainingComplianceResponse.of(training.standings());
    }

    @GET
    @Path("due")
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Reminders: who is due (or overdue) within the next N days")
    @APIResponse(responseCode = "200", description = "Standings falling due, soonest first")
    @APIResponse(responseCode = "400", description = "days out of range (Problem Details)")
    @APIResponse(responseCode = "403", description = "Not allowed (Problem Details)")
    public List<TrainingStanding> due(@QueryParam("days") @DefaultValue("30") @Min(0) @Max(366) int days) {
        return training.dueWithin(days);
    }
}
