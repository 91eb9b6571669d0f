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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * User and role administration: SECURITY_ADMIN with a fresh MFA check; no invoice data here. Privileged acts answer
 * 202 with a proposal that a second administrator approves ({@link ApprovalResource}).
 */
@Tag(name = "Users")
@Path("users")
@RequestScoped
@RolesAllowed(Roles.SECURITY_ADMIN)
@StepUp
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** Optional: a proposal's lifetime in seconds, shorter than the configured one (never longer). */
    static final String VALID_FOR = "X-Valid-For-Seconds";

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
    ApprovalService approvals;

    @Inject
    CallerContext callers;

    @Inject
    Clock clock;

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
    @Operation(summary = "Grant a role; SECURITY_ADMIN, KEY_CUSTODIAN and AUDITOR are proposed for a second "
            + "administrator's approval (reason in X-Reason)")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Granted (a role without four eyes, or the bootstrap "
                    + "exception)"),
            @APIResponse(responseCode = "202", description = "Proposed: the approval (Location approvals/{id})"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409",
                    description = "Conflicts with a role the user holds (separation of duties), a grant to oneself, or "
                            + "a shredded tenant"),
            @APIResponse(responseCode = "400", description = "Unknown role, or no reason for a privileged role")})
    public Response grant(@PathParam("id") UUID id, @PathParam("tenant") UUID tenant, @PathParam("role") String role,
            @HeaderParam("X-Reason") String reason, @HeaderParam(VALID_FOR) Long validFor) {
        Caller caller = callers.require();
        if (!Roles.FOUR_EYES_ROLES.contains(role)) {
            admin.grant(caller, id, tenant, role);
            return Response.noContent().build();
        }
        if (admin.bootstrapExceptionApplies(tenant, role)) {
            ApprovalService.requireReason(reason);
            admin.appointSecondPlatformAdministrator(caller, id);
            return Response.noContent().build();
        }
        return ApprovalResource.accepted(approvals.propose(
                ApprovalService.Proposal.grant(id, tenant, role, reason, validFor)), clock);
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
    @Operation(summary = "Propose resetting a user's second factor (they enrol again at next login)")
    @APIResponses({
            @APIResponse(responseCode = "202", description = "Proposed: the approval (Location approvals/{id})"),
            @APIResponse(responseCode = "400", description = "No reason (X-Reason)"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant")})
    public Response resetMfa(@PathParam("id") UUID id, @HeaderParam("X-Reason") String reason,
            @HeaderParam(VALID_FOR) Long validFor) {
        return ApprovalResource.accepted(approvals.propose(
                ApprovalService.Proposal.about(Approval.Action.RESET_MFA, id, reason, validFor)), clock);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable a user (every token revoked; login refused like a wrong password); an "
            + "administrator's disabling is proposed for approval")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Disabled"),
            @APIResponse(responseCode = "202", description = "The user holds SECURITY_ADMIN or KEY_CUSTODIAN: proposed "
                    + "(Location approvals/{id})"),
            @APIResponse(responseCode = "400", description = "No reason (X-Reason)"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Oneself")})
    public Response disable(@PathParam("id") UUID id, @HeaderParam("X-Reason") String reason,
            @HeaderParam(VALID_FOR) Long validFor) {
        return disableOrEnable(Approval.Action.DISABLE_USER, id, reason, validFor);
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled user again; an administrator's enabling is proposed for approval")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Enabled"),
            @APIResponse(responseCode = "202", description = "The user holds SECURITY_ADMIN or KEY_CUSTODIAN: proposed "
                    + "(Location approvals/{id})"),
            @APIResponse(responseCode = "400", description = "No reason (X-Reason)"),
            @APIResponse(responseCode = "404", description = "No such resource in the caller's tenant"),
            @APIResponse(responseCode = "409", description = "Oneself")})
    public Response enable(@PathParam("id") UUID id, @HeaderParam("X-Reason") String reason,
            @HeaderParam(VALID_FOR) Long validFor) {
        return disableOrEnable(Approval.Action.ENABLE_USER, id, reason, validFor);
    }

    private Response disableOrEnable(Approval.Action action, UUID id, String reason, Long validFor) {
        Caller caller = callers.require();
        boolean needsApproval = admin.needsApproval(id); // 404 first, for another tenant's user as for an unknown one
        ApprovalService.requireReason(reason);
        if (needsApproval) {
            return ApprovalResource.accepted(approvals.propose(
                    ApprovalService.Proposal.about(action, id, reason, validFor)), clock);
        }
        if (action == Approval.Action.DISABLE_USER) {
            admin.disable(caller, id, null);
        } else {
            admin.enable(caller, id, null);
        }
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
