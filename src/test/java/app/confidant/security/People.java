package app.confidant.security;

import app.confidant.platform.ConfidantServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * People logging in to the black-box server as a person would: password, MFA enrolment with a TOTP app (computed
 * here from the secret the server hands out), step-up. Each TOTP code is used once, as the server insists.
 */
final class People {

    /** A logged-in person: token, TOTP secret, and the last time step used. */
    static final class Session {
        final String username;
        final String token;
        final byte[] secret;
        long lastStep;
        /** When this session last passed an MFA check (enrolment or verify); step-up lasts five minutes. */
        Instant steppedUp = Instant.now();

        Session(String username, String token, byte[] secret, long lastStep) {
            this.username = username;
            this.token = token;
            this.secret = secret;
            this.lastStep = lastStep;
        }

        /** Verifies a new code when the last MFA check is over four minutes old (step-up lasts five). */
        String steppedUp(ConfidantServer server) throws Exception {
            stepUpIfOld(server, this);
            return token;
        }

        /** A code for the next unused time step, waiting only if even step now+1 was used already. */
        String nextCode() throws InterruptedException {
            // never a step already past: the server accepts only the current one, one before and one after
            long step = Math.max(lastStep + 1, Instant.now().getEpochSecond() / Totp.STEP_SECONDS);
            while (step > Instant.now().getEpochSecond() / Totp.STEP_SECONDS + 1) {
                Thread.sleep(1000);
            }
            lastStep = step;
            return Totp.code(secret, step, Totp.DIGITS, "HmacSHA1");
        }
    }

    /** Each server's bootstrap administrator (the shared server, and servers a test starts for itself). */
    private static final Map<ConfidantServer, Session> ADMINS = new HashMap<>();
    /** Each server's second platform administrator, appointed by the bootstrap one (the bootstrap exception). */
    private static final Map<ConfidantServer, Session> SECOND_ADMINS = new HashMap<>();
    private static final Map<ConfidantServer, String> SECOND_ADMIN_PASSWORDS = new HashMap<>();
    /** Each tenant's second security administrator, who approves what the first proposes, per server. */
    private static final Map<ConfidantServer, Map<UUID, Session>> SECOND_TENANT_ADMINS = new HashMap<>();
    /** Each server's bootstrap administrator's own password, chosen at its first login. */
    private static final Map<ConfidantServer, String> ADMIN_PASSWORDS = new HashMap<>();
    /** Each tenant's first security administrator, appointed by the platform administrator, per server. */
    private static final Map<ConfidantServer, Map<UUID, Session>> TENANT_ADMINS = new HashMap<>();
    /** The platform tenant (the identity tenant), where the bootstrap administrator works. */
    static final UUID PLATFORM = new UUID(0L, 1L);

    private People() {
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static HttpResponse<String> login(ConfidantServer server, String username, String password) throws Exception {
        return server.send("POST", "/api/v1/auth/login", null,
                Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
    }

    /** A six-digit code that no time step near now produces for this secret: surely wrong. */
    static String wrongCode(byte[] secret) {
        long now = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
        java.util.Set<String> valid = new java.util.HashSet<>();
        for (long step = now - 3; step <= now + 3; step++) {
            valid.add(Totp.code(secret, step, Totp.DIGITS, "HmacSHA1"));
        }
        int candidate = 0;
        while (valid.contains(String.format("%06d", candidate))) {
            candidate++;
        }
        return String.format("%06d", candidate);
    }

    static String code(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    /** Logs in with a password and enrols MFA (first login of a new user); the token is then stepped up. */
    static Session enrol(ConfidantServer server, String username, String password) throws Exception {
        HttpResponse<String> login = login(server, username, password);
        require(login, 200);
        return enrolWith(server, username, json(login).getString("token"));
    }

    /** Enrols MFA with a token in stage ENROLMENT; the token is then stepped up. */
    static Session enrolWith(ConfidantServer server, String username, String token) throws Exception {
        HttpResponse<String> enrolment = server.send("POST", "/api/v1/auth/mfa/enrolment", token, null);
        require(enrolment, 200);
        byte[] secret = base32(json(enrolment).getString("secret"));
        long step = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
        Session session = new Session(username, token, secret, step);
        require(server.send("POST", "/api/v1/auth/mfa/enrolment/confirm", token,
                code(Totp.code(secret, step, Totp.DIGITS, "HmacSHA1"))), 200);
        return session;
    }

    /**
     * The bootstrap administrator of {@code server}, enrolled once per server and test run, and stepped up again
     * when its last MFA check is close to five minutes old (long tests run in between).
     */
    static synchronized Session admin(ConfidantServer server) throws Exception {
        Session admin = ADMINS.get(server);
        if (admin == null) {
            admin = firstLogin(server);
            ADMINS.put(server, admin);
        } else if (Instant.now().isAfter(admin.steppedUp.plusSeconds(600))) {
            // unused for a while (a long suite on a busy machine): its token may have passed the 15-minute idle
            // limit, so the administrator logs in again as a person would, with password and second factor
            HttpResponse<String> login = login(server, admin.username, adminPassword(server));
            require(login, 200);
            Session again = new Session(admin.username, json(login).getString("token"), admin.secret, admin.lastStep);
            require(server.send("POST", "/api/v1/auth/mfa/verify", again.token, code(again.nextCode())), 200);
            ADMINS.put(server, again);
            admin = again;
        }
        stepUpIfOld(server, admin);
        return admin;
    }

    /** The bootstrap administrator's password of {@code server}: its own, once the first login changed it. */
    static synchronized String adminPassword(ConfidantServer server) throws Exception {
        String changed = ADMIN_PASSWORDS.get(server);
        return changed != null ? changed
                : Files.readString(server.state().resolve("bootstrap-admin.password")).strip();
    }

    /**
     * The bootstrap administrator's first login, as the README tells it: the generated password opens only the
     * password change; the token then moves on to MFA enrolment. The new password is remembered for re-logins.
     */
    private static Session firstLogin(ConfidantServer server) throws Exception {
        String generated = adminPassword(server);
        HttpResponse<String> login = login(server, BootstrapAdministrator.USERNAME, generated);
        require(login, 200);
        String token = json(login).getString("token");
        String chosen = "administrator's own " + UUID.randomUUID();
        require(changePassword(server, token, generated, chosen, null), 204);
        ADMIN_PASSWORDS.put(server, chosen);
        return enrolWith(server, BootstrapAdministrator.USERNAME, token);
    }

    /** Makes a bootstrap administrator enrolled by the test itself (after its own first login) the server's. */
    static synchronized void adoptAdmin(ConfidantServer server, Session admin, String password) {
        ADMINS.put(server, admin);
        ADMIN_PASSWORDS.put(server, password);
    }

    /** POST /auth/password; {@code code} null leaves it out (a token in stage PASSWORD_CHANGE). */
    static HttpResponse<String> changePassword(ConfidantServer server, String token, String current, String next,
            String code) throws Exception {
        var body = Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next);
        if (code != null) {
            body.add("code", code);
        }
        return server.send("POST", "/api/v1/auth/password", token, body.build().toString());
    }

    /** A fresh MFA check for a session whose last one is more than four minutes old. */
    static synchronized void stepUpIfOld(ConfidantServer server, Session session) throws Exception {
        if (Instant.now().isAfter(session.steppedUp.plusSeconds(240))) {
            // The next code is for the current time step (the server accepts only codes of about now).
            session.lastStep = Math.max(session.lastStep, Instant.now().getEpochSecond() / Totp.STEP_SECONDS - 1);
            require(server.send("POST", "/api/v1/auth/mfa/verify", session.token, code(session.nextCode())), 200);
            session.steppedUp = Instant.now();
        }
    }

    /**
     * Registers the tenant with this id: the bootstrap administrator proposes it, the second platform administrator
     * approves (a tenant registered already is fine).
     */
    static void registerTenant(ConfidantServer server, UUID tenant) throws Exception {
        HttpResponse<String> proposed = withReason(server, "POST", "/api/v1/tenants", admin(server).token,
                Json.createObjectBuilder().add("id", tenant.toString()).add("displayName", "Tenant " + tenant)
                        .build().toString());
        if (proposed.statusCode() != 409) {
            approve(server, proposed, secondAdmin(server));
        }
    }

    /**
     * The security administrator of {@code tenant}, stepped up: the bootstrap administrator for the platform tenant;
     * for any other, a person the platform administrator appoints once per server (registering the tenant first).
     */
    static synchronized Session tenantAdmin(ConfidantServer server, UUID tenant) throws Exception {
        if (PLATFORM.equals(tenant)) {
            return admin(server);
        }
        Map<UUID, Session> admins = TENANT_ADMINS.computeIfAbsent(server, s -> new HashMap<>());
        Session tenantAdmin = admins.get(tenant);
        if (tenantAdmin == null) {
            registerTenant(server, tenant);
            tenantAdmin = newUser(server, admin(server), secondAdmin(server), tenant, Roles.SECURITY_ADMIN);
            admins.put(tenant, tenantAdmin);
            SECOND_TENANT_ADMINS.computeIfAbsent(server, s -> new HashMap<>()).put(tenant,
                    newUser(server, admin(server), secondAdmin(server), tenant, Roles.SECURITY_ADMIN));
        }
        stepUpIfOld(server, tenantAdmin);
        return tenantAdmin;
    }

    /** A new user created by the tenant's administrator, with roles in the tenant, logged in and enrolled. */
    static Session user(ConfidantServer server, UUID tenant, String... roles) throws Exception {
        return newUser(server, tenantAdmin(server, tenant), secondTenantAdmin(server, tenant), tenant, roles);
    }

    private static Session newUser(ConfidantServer server, Session admin, Session approver, UUID tenant,
            String... roles)
            throws Exception {
        String[] credentials = created(server, admin, approver, tenant, roles);
        return enrol(server, credentials[0], credentials[1]);
    }

    /** A new person of {@code tenant} with these roles who has not logged in yet: their username and password. */
    private static String[] created(ConfidantServer server, Session admin, Session approver, UUID tenant,
            String... roles)
            throws Exception {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + username;
        JsonObject created = createUser(server, admin, username);
        String id = created.getString("id");
        for (String role : roles) {
            grantRole(server, admin, approver, id, tenant, role);
        }
        require(activate(server, username, created.getString("activationCode"), password), 204);
        return new String[] {username, password};
    }

    /**
     * A half-authenticated token: a person of {@code tenant} holding {@code role}, enrolled earlier, who has now
     * given only their password (stage MFA_PENDING).
     */
    static String passwordOnlyToken(ConfidantServer server, UUID tenant, String role) throws Exception {
        String[] credentials = created(server, tenantAdmin(server, tenant), secondTenantAdmin(server, tenant), tenant,
                role);
        enrol(server, credentials[0], credentials[1]);
        HttpResponse<String> login = login(server, credentials[0], credentials[1]);
        require(login, 200);
        return json(login).getString("token");
    }

    /** The token of a person of {@code tenant} holding {@code role} at first login, before MFA enrolment. */
    static String enrolmentToken(ConfidantServer server, UUID tenant, String role) throws Exception {
        String[] credentials = created(server, tenantAdmin(server, tenant), secondTenantAdmin(server, tenant), tenant,
                role);
        HttpResponse<String> login = login(server, credentials[0], credentials[1]);
        require(login, 200);
        return json(login).getString("token");
    }

    // Four eyes (#16): privileged acts are proposed by one administrator and approved by another.

    /**
     * The second platform administrator of {@code server}, stepped up: appointed directly by the bootstrap
     * administrator under the bootstrap exception, then the approver of everything the bootstrap one proposes.
     */
    static synchronized Session secondAdmin(ConfidantServer server) throws Exception {
        Session second = SECOND_ADMINS.get(server);
        if (second == null) {
            Session first = admin(server);
            String username = "platform-admin-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "correct horse battery " + username;
            String id = activatedUser(server, username, password);
            require(withReason(server, "PUT", "/api/v1/users/" + id + "/tenants/" + PLATFORM
                    + "/roles/" + Roles.SECURITY_ADMIN, first.token, null), 204);
            second = enrol(server, username, password);
            SECOND_ADMINS.put(server, second);
            SECOND_ADMIN_PASSWORDS.put(server, password);
        } else if (Instant.now().isAfter(second.steppedUp.plusSeconds(600))) {
            HttpResponse<String> login = login(server, second.username, SECOND_ADMIN_PASSWORDS.get(server));
            require(login, 200);
            Session again = new Session(second.username, json(login).getString("token"), second.secret,
                    second.lastStep);
            require(server.send("POST", "/api/v1/auth/mfa/verify", again.token, code(again.nextCode())), 200);
            SECOND_ADMINS.put(server, again);
            second = again;
        }
        stepUpIfOld(server, second);
        return second;
    }

    /** The second security administrator of {@code tenant} (the second platform administrator for the platform). */
    static synchronized Session secondTenantAdmin(ConfidantServer server, UUID tenant) throws Exception {
        if (PLATFORM.equals(tenant)) {
            return secondAdmin(server);
        }
        tenantAdmin(server, tenant);
        Session second = SECOND_TENANT_ADMINS.get(server).get(tenant);
        stepUpIfOld(server, second);
        return second;
    }

    /** Grants a role: directly (204), or proposed by {@code admin} (202) and approved by {@code approver}. */
    static void grantRole(ConfidantServer server, Session admin, Session approver, String userId, UUID tenant,
            String role) throws Exception {
        HttpResponse<String> granted = withReason(server, "PUT", "/api/v1/users/" + userId + "/tenants/" + tenant
                + "/roles/" + role, admin.steppedUp(server), null);
        if (granted.statusCode() != 204) {
            approve(server, granted, approver);
        }
    }

    /** Approves the proposal a 202 answer carries, as {@code approver}; the approval's JSON. */
    static JsonObject approve(ConfidantServer server, HttpResponse<String> proposed, Session approver)
            throws Exception {
        require(proposed, 202);
        HttpResponse<String> approved = server.send("POST", "/api/v1/approvals/" + json(proposed).getString("id")
                + "/approve", approver.steppedUp(server), null);
        require(approved, 200);
        return json(approved);
    }

    /** A request with a reason (X-Reason), as every privileged act needs. */
    static HttpResponse<String> withReason(ConfidantServer server, String method, String path, String token,
            String json) throws Exception {
        return server.sendWithHeader(method, path, token, json, "X-Reason", "test fixture: " + method + " " + path);
    }

    /** The administrator creates a user (username only): the answer's id, activationCode and activationExpiresAt. */
    static JsonObject createUser(ConfidantServer server, Session admin, String username) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/users", admin.steppedUp(server),
                Json.createObjectBuilder().add("username", username).build().toString());
        require(created, 201);
        return json(created);
    }

    /** The person sets their own password with the activation code (POST /auth/activate, no token). */
    static HttpResponse<String> activate(ConfidantServer server, String username, String code, String password)
            throws Exception {
        return server.send("POST", "/api/v1/auth/activate", null, Json.createObjectBuilder().add("username", username)
                .add("activationCode", code).add("password", password).build().toString());
    }

    /** A person created and activated with {@code password}, not yet logged in (MFA enrolment is theirs to do). */
    static String activatedUser(ConfidantServer server, String username, String password) throws Exception {
        JsonObject created = createUser(server, admin(server), username);
        require(activate(server, username, created.getString("activationCode"), password), 204);
        return created.getString("id");
    }


    static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
    }

    static byte[] base32(String encoded) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[encoded.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : encoded.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

}
