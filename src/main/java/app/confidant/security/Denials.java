package app.confidant.security;

import app.confidant.audit.Actor;
import app.confidant.audit.ActorSource;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Denials are audit events: a refused request of an authenticated or authenticating caller (role, tenant boundary,
 * step-up, training, dual control, a bad bearer token) is recorded as {@code access.denied} with outcome DENIED, on
 * its own (the refused work rolls back). Its details are codes and ids only: status, code, HTTP method, route
 * template, the roles the operation needs. A flood is rate-limited ({@link DenialLimit}): at most
 * {@code confidant.audit.denials-per-caller} events per caller (or client address) and
 * {@code confidant.audit.denials-total} for everyone per window of {@code confidant.audit.denials-window-seconds};
 * the rest are counted into one {@code access.denied.suppressed} event per caller and window.
 */
@ApplicationScoped
@PermitAll // records refusals of every caller, anonymous ones included; reads nothing
public class Denials {

    public static final String ACTION = "access.denied";
    public static final String SUPPRESSED = "access.denied.suppressed";
    /** Dual-control refusals answer 409 (a state of the proposal) or 403, but are denials all the same. */
    private static final Set<String> DUAL_CONTROL = Set.of("four-eyes", "separation-of-duties", "self-approval",
            "dual-control");
    /** 401s already audited by the sign-in flows (auth.login, auth.mfa...) or of callers who presented nothing. */
    private static final Set<String> NOT_DENIALS = Set.of("unauthenticated", "invalid-credentials", "invalid-code",
            "activation-invalid");
    private static final Logger LOG = Logger.getLogger(Denials.class.getName());

    @Inject
    AuditLog log;

    @Inject
    ActorSource actors;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.audit.denials-per-caller", defaultValue = "30")
    int perCaller;

    @Inject
    @ConfigProperty(name = "confidant.audit.denials-total", defaultValue = "1000")
    int total;

    @Inject
    @ConfigProperty(name = "confidant.audit.denials-window-seconds", defaultValue = "60")
    int windowSeconds;

    private DenialLimit limit;

    @PostConstruct
    void configure() {
        limit = new DenialLimit(perCaller, total, Duration.ofSeconds(Math.max(1, windowSeconds)));
    }

    /** Whether a refusal with this status and code is a denial to audit here. */
    public static boolean isDenial(int status, String code) {
        return DUAL_CONTROL.contains(code) || (status == 401 || status == 403) && !NOT_DENIALS.contains(code);
    }

    /**
     * Records a refusal of the current caller. {@code route} is a template or servlet mapping, never a raw path;
     * {@code roles} and {@code operation} may be null. Never throws: the refusal stands whether or not it is recorded.
     */
    public void record(int status, String code, String method, String route, Collection<String> roles,
            String operation, String clientAddress) {
        record(actors.current(), status, code, method, route, roles, operation, clientAddress);
    }

    /** The same for a caller the authentication mechanism refused (no caller exists yet). */
    public void recordAnonymous(int status, String code, String method, String route, String clientAddress) {
        record(Actor.ANONYMOUS, status, code, method, route, null, null, clientAddress);
    }

    private void record(Actor actor, int status, String code, String method, String route, Collection<String> roles,
            String operation, String clientAddress) {
        try {
            String key = actor.id() != null ? "caller " + actor.id() : "address " + clientAddress;
            if (limit.admit(key, new Subject(actor, clientAddress), clock.instant()) == DenialLimit.Verdict.RECORD) {
                JsonObjectBuilder details = Json.createObjectBuilder().add("status", status).add("code", code);
                add(details, "method", method);
                add(details, "route", route);
                add(details, "operation", operation);
                if (roles != null) {
                    JsonArrayBuilder required = Json.createArrayBuilder();
                    new TreeSet<>(roles).forEach(required::add);
                    details.add("requiredRoles", required);
                }
                log.appendIndependently(new AuditEntry(actor, ACTION, "route", route, AuditEntry.DENIED, null,
                        details.build().toString()));
            }
            recordSuppressed();
        } catch (RuntimeException auditDown) {
            LOG.severe(() -> "Could not record a denial (" + code + "): " + auditDown.getClass().getSimpleName());
        }
    }

    /** Writes the suppression events of windows that closed; also called by a timer so a flood that stops is told. */
    public void recordSuppressed() {
        for (DenialLimit.Suppressed owed : limit.drain(clock.instant())) {
            Subject subject = owed.subject() instanceof Subject s ? s : new Subject(Actor.ANONYMOUS, null);
            boolean others = DenialLimit.OTHERS.equals(owed.key());
            String targetType = others ? "callers" : subject.actor().id() != null ? "user" : "client-address";
            String targetId = others ? DenialLimit.OTHERS : subject.actor().id() != null
                    ? subject.actor().id().toString() : subject.address();
            String details = Json.createObjectBuilder().add("count", owed.count())
                    .add("limitPerCaller", limit.perCaller()).add("windowSeconds", limit.window().toSeconds())
                    .add("windowStart", owed.start().toString()).build().toString();
            try {
                log.appendIndependently(new AuditEntry(others ? Actor.ANONYMOUS : subject.actor(), SUPPRESSED,
                        targetType, targetId, AuditEntry.DENIED, null, details));
            } catch (RuntimeException auditDown) {
                LOG.severe(() -> "Could not record " + owed.count() + " suppressed denials: "
                        + auditDown.getClass().getSimpleName());
            }
        }
    }

    private static void add(JsonObjectBuilder details, String name, String value) {
        if (value != null) {
            details.add(name, value);
        }
    }

    private record Subject(Actor actor, String address) {
    }
}
