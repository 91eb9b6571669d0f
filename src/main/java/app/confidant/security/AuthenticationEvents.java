package app.confidant.security;

import app.confidant.audit.Actor;
import app.confidant.audit.AuditEntry;
import app.confidant.crypto.HsmMac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The audit events of authentication (login, second factor, enrolment, lockout, blocked address). They name the
 * user, never a password or code; an unknown username is not stored (it may be a password typed into the wrong
 * field) but its HSM-keyed HMAC is, so repeated attempts on one name can still be correlated.
 */
@ApplicationScoped
class AuthenticationEvents {

    @Inject
    HsmMac mac;

    AuditEntry login(UserAccount user, String username, String action, String outcome, String detail) {
        JsonObjectBuilder details = Json.createObjectBuilder().add("detail", detail);
        if (user == null) {
            details.add("usernameHmac", HexFormat.of().formatHex(mac.hmac("audit-mac-v1",
                    ("login-username|" + username).getBytes(StandardCharsets.UTF_8))));
        }
        Actor actor = user == null ? new Actor("unknown", null, null, null) : actorOf(user);
        return new AuditEntry(actor, action, "user", user == null ? null : user.id().toString(), outcome, null,
                details.build().toString());
    }

    /** A second-factor or enrolment attempt of a known user: {@code detail} says why it failed, or the stage reached. */
    AuditEntry factor(UserAccount user, String action, String outcome, String detail) {
        return new AuditEntry(actorOf(user), action, "user", user.id().toString(), outcome, null,
                Json.createObjectBuilder().add("detail", detail).build().toString());
    }

    /** The failure that made a client address reach its limit (logged once per block, not per refused request). */
    AuditEntry addressBlocked(Actor actor, String address, int limit) {
        return new AuditEntry(actor, "auth.address-blocked", "client-address", address, AuditEntry.DENIED, null,
                Json.createObjectBuilder().add("limit", limit)
                        .add("windowMinutes", LoginAttempts.WINDOW.toMinutes()).build().toString());
    }

    private static Actor actorOf(UserAccount user) {
        return new Actor(user.username(), user.id(), null, null);
    }
}
