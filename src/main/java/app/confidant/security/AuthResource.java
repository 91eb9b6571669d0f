package app.confidant.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login, activation, own password change, second factor, MFA enrolment, logout. */
@Tag(name = "Authentication")
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record LoginRequest(@NotBlank @Size(max = 100) String username, @NotNull @Size(max = 128) String password,
            UUID tenantId) {
    }

    public record LoginResponse(String token, String stage, Instant expiresAt) {
    }

    public record ActivationRequest(@NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 64) String activationCode, @NotNull @Size(max = 128) String password) {
    }

    /** {@code code}: a fresh TOTP code; left out only by a token in stage PASSWORD_CHANGE (no factor enrolled yet). */
    public record PasswordChangeRequest(@NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword, @Size(max = 32) String code) {
    }

    public record CodeRequest(@NotBlank @Size(max = 32) String code) {
    }

    public record EnrolmentResponse(String secret, String otpauthUri) {
    }

    public record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    public record MeResponse(UUID userId, String username, UUID tenantId, Set<String> roles, boolean steppedUp) {

        static MeResponse of(Caller caller, boolean steppedUp) {
            return new MeResponse(caller.userId(), caller.name(), caller.tenantId(), caller.roles(), steppedUp);
        }
    }

    @Inject
    LoginService logins;

    @Inject
    CredentialService credentials;

    @Inject
    CallerContext callers;

    @POST
    @Path("login")
    @PermitAll // the way in: a password (never in the URL) for a token; brute force is limited per account and address
    @Operation(summary = "Password login: a token in stage ENROLMENT or MFA_PENDING (PASSWORD_CHANGE for a generated "
            + "password's first login); an account not yet activated answers like a wrong password")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Token and stage"),
            @APIResponse(responseCode = "401", description = "Wrong username or password"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts; try later")})
    public LoginResponse login(@Valid @NotNull LoginRequest request) {
        TokenStore.Issued issued = logins.login(request.username().strip().toLowerCase(),
                request.password().toCharArray(), request.tenantId(), callers.clientAddress());
        return new LoginResponse(issued.token(), issued.stage().name(), issued.expiresAt());
    }

    @POST
    @Path("activate")
    @PermitAll // the way in for a new person: the one-time activation code (limited like a password) sets their own password
    @Operation(summary = "Activate an account: the one-time code from the administrator and the person's own password")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Password set; log in with it and enrol MFA"),
            @APIResponse(responseCode = "400", description = "Password not acceptable (weak-password)"),
            @APIResponse(responseCode = "401",
                    description = "Unknown user, or a wrong, used or expired code (activation-invalid)"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")})
    public void activate(@Valid @NotNull ActivationRequest request) {
        credentials.activate(request.username().strip().toLowerCase(), request.activationCode(),
                request.password().toCharArray(), callers.clientAddress());
    }

    @POST
    @Path("password")
    @RolesAllowed({Roles.PASSWORD_CHANGE, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    @Operation(summary = "Change one's own password: the current one and a fresh TOTP code (no code in stage "
            + "PASSWORD_CHANGE, which then moves on to ENROLMENT); the person's other tokens are revoked")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Changed"),
            @APIResponse(responseCode = "400",
                    description = "New password not acceptable (weak-password, password-unchanged) or no code "
                            + "(code-required)"),
            @APIResponse(responseCode = "401",
                    description = "Wrong current password or code, or the account is locked"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")})
    public void changePassword(@Valid @NotNull PasswordChangeRequest request) {
        credentials.changePassword(callers.require(), request.currentPassword().toCharArray(),
                request.newPassword().toCharArray(), request.code(), callers.clientAddress());
    }

    @POST
    @Path("mfa/verify")
    @RolesAllowed({Roles.MFA_PENDING, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    @Operation(summary = "Second factor (TOTP): the token gets its roles and a fresh step-up")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Who you are now"),
            @APIResponse(responseCode = "401", description = "Wrong or reused code, or the account is locked"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")})
    public MeResponse verify(@Valid @NotNull CodeRequest request) {
        logins.verifyTotp(callers.require(), request.code(), callers.clientAddress());
        return MeResponse.of(callers.require(), true);
    }

    @POST
    @Path("mfa/recover")
    @RolesAllowed({Roles.MFA_PENDING, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    @Operation(summary = "Second factor with a one-time recovery code")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Who you are now"),
            @APIResponse(responseCode = "401", description = "Wrong or used recovery code, or the account is locked"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")})
    public MeResponse recover(@Valid @NotNull CodeRequest request) {
        logins.recover(callers.require(), request.code(), callers.clientAddress());
        return MeResponse.of(callers.require(), true);
    }

    @POST
    @Path("mfa/enrolment")
    @RolesAllowed(Roles.MFA_ENROLMENT)
    @Operation(summary = "Start TOTP enrolment: the secret and otpauth:// URI, shown once")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Secret and URI")})
    public EnrolmentResponse beginEnrolment() {
        LoginService.Enrolment enrolment = logins.beginEnrolment(callers.require());
        return new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri());
    }

    @POST
    @Path("mfa/enrolment/confirm")
    @RolesAllowed(Roles.MFA_ENROLMENT)
    @Operation(summary = "Confirm enrolment with a first code: ten recovery codes, shown once")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "Recovery codes"),
            @APIResponse(responseCode = "401", description = "Wrong code, or the account is locked"),
            @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")})
    public RecoveryCodesResponse confirmEnrolment(@Valid @NotNull CodeRequest request) {
        return new RecoveryCodesResponse(logins.confirmEnrolment(callers.require(), request.code(),
                callers.clientAddress()));
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.PASSWORD_CHANGE, Roles.MFA_PENDING, Roles.MFA_ENROLMENT, Roles.CLERK, Roles.APPROVER,
            Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    @Operation(summary = "Revoke the caller's token")
    @APIResponses({
            @APIResponse(responseCode = "204", description = "Revoked")})
    public void logout() {
        logins.logout(callers.require());
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.PASSWORD_CHANGE, Roles.MFA_PENDING, Roles.MFA_ENROLMENT, Roles.CLERK, Roles.APPROVER,
            Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    @Operation(summary = "Who the token belongs to, its tenant, roles and step-up state")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The caller")})
    public MeResponse me() {
        Caller caller = callers.require();
        return MeResponse.of(caller, caller.steppedUp());
    }
}
