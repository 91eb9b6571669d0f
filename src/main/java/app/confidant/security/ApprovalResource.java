package app.confidant.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Four-eyes approvals of the caller's tenant: a second security administrator approves or rejects a proposal. */
@Tag(name = "Approvals")
@Path("approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    @Inject
    ApprovalService approvals;

    @Inject
    Clock clock;

    /** The 202 Accepted answer to a proposal, pointing at the approval that awaits a second administrator. */
    static Response accepted(Approval approval, Clock clock) {
        return Response.accepted(ApprovalResponse.of(approval, clock.instant()))
                .location(URI.create("approvals/" + approval.id())).build();
    }

    @GET
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The tenant's approvals, pending first, then newest first")
    @APIResponse(responseCode = "200", description = "A page of approvals")
    public List<ApprovalResponse> list(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ApprovalService.MAX_PAGE) int limit) {
        return approvals.list(offset, limit).stream().map(a -> ApprovalResponse.of(a, clock.instant())).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    @Operation(summary = "One approval")
    @APIResponse(responseCode = "200", description = "The approval")
    @APIResponse(responseCode = "404", description = "No such approval in the caller's tenant (Problem Details)")
    public ApprovalResponse get(@PathParam("id") UUID id) {
        return ApprovalResponse.of(approvals.get(id), clock.instant());
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @StepUp
    @Operation(summary = "Approve another administrator's proposal; the act is carried out at once")
    @APIResponse(responseCode = "200", description = "Approved and done")
    @APIResponse(responseCode = "404", description = "No such approval in the caller's tenant (Problem Details)")
    @APIResponse(responseCode = "409", description = "Own proposal or oneself the target (four-eyes), expired "
            + "(approval-expired), decided already, or the act is no longer allowed (Problem Details)")
    public ApprovalResponse approve(@PathParam("id") UUID id) {
        return ApprovalResponse.of(approvals.approve(id), clock.instant());
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @StepUp
    @Operation(summary = "Reject (or, as its proposer, withdraw) a pending proposal")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "404", description = "No such approval in the caller's tenant (Problem Details)")
    @APIResponse(responseCode = "409", description = "Expired or decided already (Problem Details)")
    public ApprovalResponse reject(@PathParam("id") UUID id) {
        return ApprovalResponse.of(approvals.reject(id), clock.instant());
    }
}
