package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Continuous security training: security administrators publish modules and new versions of them, people attest
 * that they completed the current version, and a person overdue on a module one of their roles needs is stopped
 * from sensitive-data operations ({@link TrainingRequired}). Training is for people: service accounts neither
 * attest nor are held to it (their certificate registration by a security administrator is their control).
 * Modules are the platform's security programme, binding on the people of every tenant: platform administrators
 * publish and revise them. Standings are read per tenant: the people of the caller's tenant, for their roles there.
 */
@ApplicationScoped
@Transactional
public class TrainingService {

    @Inject
    TrainingRepository training;

    @Inject
    IdentityRepository identities;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.training.grace-days", defaultValue = "14")
    int graceDays;

    @Inject
    @ConfigProperty(name = "confidant.training.due-soon-days", defaultValue = "30")
    int dueSoonDays;

    @Audited(value = "training.publish", target = "training-module")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    public TrainingModule publish(Caller admin, String title, String content, Set<String> audience,
            int validityDays) {
        scope.requirePlatform();
        requireRoles(audience);
        String name = title.strip();
        if (training.titleTaken(name)) {
            throw SecurityException.conflict("module-exists", "A module with that title exists; publish a new version of it.");
        }
        TrainingModule module = new TrainingModule(name, content, audience, validityDays, admin.userId(),
                clock.instant());
        training.add(module);
        return module;
    }

    /** Publishes a new version of the module: every attestation of an earlier version is stale from now on. */
    @Audited(value = "training.revise", target = "training-module")
    @RolesAllowed(Roles.SECURITY_ADMIN)
    public TrainingModule revise(Caller admin, UUID moduleId, String content, Set<String> audience,
            int validityDays) {
        scope.requirePlatform();
        requireRoles(audience);
        TrainingModule module = training.module(moduleId)
                .orElseThrow(() -> SecurityException.notFound("Training module"));
        module.revise(content, audience, validityDays, admin.userId(), clock.instant());
        return module;
    }

    /** The caller attests that they completed {@code version} of the module, which must be its current version. */
    @Audited(value = "training.attest", target = "training-module")
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
            Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    public TrainingAttestation attest(Caller caller, UUID moduleId, int version) {
        if (!caller.person()) {
            throw SecurityException.conflict("people-only", "Training is attested by people, not service accounts.");
        }
        TrainingModule module = training.module(moduleId)
                .orElseThrow(() -> SecurityException.notFound("Training module"));
        if (module.version() != version) {
            throw SecurityException.conflict("stale-version", "The current version of \"" + module.title()
                    + "\" is " + module.version() + "; complete that version, then attest it.");
        }
        TrainingAttestation attestation = new TrainingAttestation(moduleId, version, caller.userId(), clock.instant());
        training.add(attestation);
        return attestation;
    }

    @ReadOnly
    @RolesAllowed({Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN,
            Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    public List<TrainingModule> modules() {
        return training.modules();
    }

    /** Every active person of the caller's tenant: their standing with every module one of their roles there needs. */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR}) // and the security report
    public List<TrainingStanding> standings() {
        UUID tenant = scope.tenant();
        Map<UUID, List<Membership>> memberships = identities.membershipsIn(tenant).stream()
                .collect(Collectors.groupingBy(Membership::userId));
        Map<UUID, List<TrainingAttestation>> attestations = training.allAttestations().stream()
                .collect(Collectors.groupingBy(TrainingAttestation::userId));
        List<TrainingModule> modules = training.modules();
        Instant now = clock.instant();
        List<TrainingStanding> standings = new ArrayList<>();
        for (UserAccount user : identities.membersOf(tenant).stream().filter(u -> !u.disabled()).toList()) {
            Map<String, Instant> granted = firstGranted(memberships.getOrDefault(user.id(), List.of()), null);
            for (TrainingModule module : modules) {
                rules().standing(user.id(), user.username(), granted, module,
                        attestations.getOrDefault(user.id(), List.of()), now).ifPresent(standings::add);
            }
        }
        return standings;
    }

    /** Reminders: standings that fall due within {@code days} days (overdue ones included), soonest first. */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public List<TrainingStanding> dueWithin(int days) {
        Instant horizon = clock.instant().plus(Duration.ofDays(days));
        return standings().stream().filter(s -> s.dueAt().isBefore(horizon))
                .sorted(Comparator.comparing(TrainingStanding::dueAt)).toList();
    }

    /** Refuses a person overdue on a module one of their current roles needs: 403 training-required. */
    @ReadOnly
    @PermitAll // TrainingCheck asks it for every caller of a @TrainingRequired method, whatever the roles
    public void requireCurrent(Caller caller) {
        if (!caller.person()) {
            return;
        }
        Map<String, Instant> granted = firstGranted(identities.memberships(caller.userId()), caller.roles());
        if (granted.isEmpty()) {
            return;
        }
        List<TrainingAttestation> attestations = training.attestationsOf(caller.userId());
        Instant now = clock.instant();
        for (TrainingModule module : training.modules()) {
            var standing = rules().standing(caller.userId(), caller.name(), granted, module, attestations, now);
            if (standing.isPresent() && standing.get().overdue()) {
                throw new SecurityException(403, "training-required", "Security training \"" + module.title()
                        + "\" (version " + module.version() + ") is overdue. Complete it, then attest it: POST "
                        + "/api/v1/training/modules/" + module.id() + "/attestations {\"version\":"
                        + module.version() + "}.");
            }
        }
    }

    private TrainingRules rules() {
        return new TrainingRules(Duration.ofDays(graceDays), Duration.ofDays(dueSoonDays));
    }

    /** Per role, when the person first got it; only {@code roles} if given (the roles of the current request). */
    private static Map<String, Instant> firstGranted(List<Membership> memberships, Set<String> roles) {
        BinaryOperator<Instant> earlier = (a, b) -> a.isBefore(b) ? a : b;
        return memberships.stream().filter(m -> roles == null || roles.contains(m.role()))
                .collect(Collectors.toMap(Membership::role, Membership::grantedAt, earlier));
    }

    private static void requireRoles(Set<String> audience) {
        if (audience.isEmpty() || !Roles.ALL.containsAll(audience)) {
            throw SecurityException.badRequest("unknown-role", "The audience must be roles of " + Roles.ALL + ".");
        }
    }
}
