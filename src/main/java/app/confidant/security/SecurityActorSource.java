package app.confidant.security;

import app.confidant.audit.Actor;
import app.confidant.audit.ActorSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.TreeSet;

/** Tells the audit trail who the authenticated caller is (name, id, tenant, roles); the system outside requests. */
@ApplicationScoped
public class SecurityActorSource implements ActorSource {

    @Inject
    Instance<CallerContext> callers;

    @Override
    public Actor current() {
        try {
            return callers.get().current()
                    .map(c -> new Actor(c.name(), c.userId(), c.tenantId(), String.join(",", new TreeSet<>(c.roles()))))
                    .orElse(Actor.ANONYMOUS);
        } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
            // no request at all (timers), or a request context without a servlet request (start-up beans)
            return Actor.SYSTEM;
        }
    }

    @Override
    public boolean readsEveryTenant() {
        return TenantScope.PLATFORM.equals(current().tenantId());
    }
}
