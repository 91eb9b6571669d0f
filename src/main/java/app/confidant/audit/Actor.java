package app.confidant.audit;

import java.util.UUID;

/** Who did it: a user or service account (name, id), the tenant they acted in and their roles; or the system. */
public record Actor(String name, UUID id, UUID tenantId, String roles) {

    public static final Actor SYSTEM = new Actor("system", null, null, null);
    public static final Actor ANONYMOUS = new Actor("anonymous", null, null, null);
}
