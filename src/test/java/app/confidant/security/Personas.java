package app.confidant.security;

import app.confidant.platform.ConfidantServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One enrolled, logged-in user per role in one tenant of the black-box server, created on first use by the
 * tenant's administrators (privileged roles proposed by one, approved by the other). Tokens stay stepped up for
 * five minutes after enrolment.
 */
public final class Personas {

    private final ConfidantServer server;
    private final UUID tenant;
    private final String[] extraRoles;
    private final Map<String, People.Session> sessions = new HashMap<>();

    private Personas(ConfidantServer server, UUID tenant, String... extraRoles) {
        this.server = server;
        this.tenant = tenant;
        this.extraRoles = extraRoles;
    }

    /** Personas that each hold all of these roles (e.g. CLERK and APPROVER on one user). */
    public Personas withRoles(String... roles) {
        return new Personas(server, tenant, roles);
    }

    public static Personas forTenant(ConfidantServer server, UUID tenant) {
        return new Personas(server, tenant);
    }

    /** This tenant's security administrator's token, stepped up (administration needs a recent MFA check). */
    public String administratorToken() throws Exception {
        return People.tenantAdmin(server, tenant).steppedUp(server);
    }

    /** This tenant's second security administrator's token, stepped up: the approver of the first one's proposals. */
    public String secondAdministratorToken() throws Exception {
        return People.secondTenantAdmin(server, tenant).steppedUp(server);
    }

    /** The second platform administrator's token, stepped up: approves what the bootstrap administrator proposes. */
    public String secondPlatformAdministratorToken() throws Exception {
        return People.secondAdmin(server).steppedUp(server);
    }

    /** The platform administrator's (the bootstrap administrator's) token, stepped up. */
    public String platformAdministratorToken() throws Exception {
        return People.admin(server).steppedUp(server);
    }

    /** The platform tenant's personas: platform administrators, custodians, auditors. */
    public static Personas platform(ConfidantServer server) {
        return new Personas(server, People.PLATFORM);
    }

    public UUID tenant() {
        return tenant;
    }

    /** The token of the user holding {@code role}, with an MFA check younger than five minutes (step-up). */
    public synchronized String steppedUpToken(String role) throws Exception {
        String token = token(role);
        People.stepUpIfOld(server, sessions.get(role));
        return token;
    }

    /** The bearer token of this tenant's user holding exactly {@code role}. */
    public synchronized String token(String role) throws Exception {
        People.Session session = sessions.get(role);
        if (session == null) {
            session = extraRoles.length > 0 ? People.user(server, tenant, extraRoles) : People.user(server, tenant, role);
            sessions.put(role, session);
        }
        return session.token;
    }
}
