package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registers internal applications by their client certificate, revokes them, and recognises them when they call.
 * A service account never holds an administrative role: an application must not be able to manage people or keys.
 * Administrators register, list and revoke the accounts of their own tenant only; another tenant's are not found.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Roles.SECURITY_ADMIN)
public class ServiceAccountService {

    /** Roles a service account may hold: all but SECURITY_ADMIN and KEY_CUSTODIAN. */
    static final Set<String> ROLES = Set.of(Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.INTEGRATION);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    @Inject
    ServiceAccountRepository accounts;

    @Inject
    TenantService tenants;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    /** {@code tenantId} may be left out; given, it must be the caller's tenant (another one is not found: 404). */
    @Audited(value = "service-account.register", target = "service-account")
    public ServiceAccount register(Caller admin, String name, UUID tenantId, String role, String certificatePem) {
        if (tenantId != null && !scope.owns(tenantId)) {
            throw SecurityException.notFound("Tenant");
        }
        UUID tenant = tenants.requireActive(scope.tenant()).id();
        String accountName = name == null ? "" : name.strip().toLowerCase();
        if (!NAME.matcher(accountName).matches()) {
            throw SecurityException.badRequest("invalid-name",
                    "A service account name is 1-100 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.");
        }
        String accountRole = role == null ? Roles.INTEGRATION : role;
        if (!ROLES.contains(accountRole)) {
            throw SecurityException.badRequest("role-not-allowed", "A service account may hold one of " + ROLES
                    + "; administrative roles are for people only.");
        }
        ClientCertificate certificate = ClientCertificate.fromPem(certificatePem);
        Instant now = clock.instant();
        if (now.isAfter(certificate.notAfter())) {
            throw SecurityException.badRequest("certificate-expired", "The certificate has expired.");
        }
        if (certificate.authority()) {
            throw SecurityException.badRequest("certificate-is-ca",
                    "That is a CA certificate; register the application's own certificate.");
        }
        if (accounts.byCertificate(certificate.sha256()).isPresent()) {
            throw SecurityException.conflict("certificate-registered",
                    "That certificate is or was registered already; issue a new one.");
        }
        if (accounts.nameTaken(accountName)) {
            throw SecurityException.conflict("name-taken", "That service account name is or was in use.");
        }
        ServiceAccount account = new ServiceAccount(accountName, tenant, accountRole, certificate, admin.userId(),
                now);
        accounts.add(account);
        return account;
    }

    /** Revokes at once: the next request with the certificate is refused, on open connections too. */
    @Audited(value = "service-account.revoke", target = "service-account")
    public void unregister(UUID id) {
        accounts.forUpdate(id).filter(a -> scope.owns(a.tenantId()))
                .orElseThrow(() -> SecurityException.notFound("Service account")).revoke(clock.instant());
    }

    /** The caller's tenant's accounts, revoked ones included. */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR}) // and the security report's identity control
    public List<ServiceAccount> list() {
        return accounts.of(scope.tenant());
    }

    /**
     * The caller a client certificate stands for: registered, not revoked and valid now. The TLS layer has already
     * checked that a trusted CA issued it; a CA may issue many certificates, and only registered ones get in.
     */
    @ReadOnly // every request of a service account: authentication, not a change worth an event
    @PreAuthentication // the client certificate of a request becomes its caller
    public Optional<Caller> authenticate(X509Certificate presented) {
        ClientCertificate certificate = ClientCertificate.of(presented);
        Instant now = clock.instant();
        if (!certificate.validAt(now)) {
            return Optional.empty();
        }
        return accounts.byCertificate(certificate.sha256()).filter(a -> a.usableAt(now)).map(ServiceAccount::caller);
    }
}
