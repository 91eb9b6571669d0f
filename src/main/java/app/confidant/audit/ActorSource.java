package app.confidant.audit;

/**
 * Tells the audit trail who is acting. Implemented by the security capability (which depends on audit, not the
 * other way round); outside a request it answers {@link Actor#SYSTEM}.
 */
public interface ActorSource {

    Actor current();

    /**
     * Whether the current caller reads the audit events of every tenant (platform roles, working in the platform
     * tenant); everyone else reads only the events recorded in the tenant they work in.
     */
    boolean readsEveryTenant();
}
