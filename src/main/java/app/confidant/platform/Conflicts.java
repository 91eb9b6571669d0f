package app.confidant.platform;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Races between requests that the database decides, wherever they surface in the exception chain Payara delivers
 * (EJBTransactionRolledbackException, TransactionalException, RollbackException, EclipseLink's own exceptions): an
 * optimistic-lock failure (the row's version changed between read and commit) and a unique-key violation (a
 * concurrent request inserted the same key first). Both are the client's conflict, never a server failure.
 */
final class Conflicts {

    /** SQLSTATE class 23, unique_violation: the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ECLIPSELINK_OPTIMISTIC_LOCK = "org.eclipse.persistence.exceptions.OptimisticLockException";

    private Conflicts() {
    }

    /**
     * The Problem for a race found anywhere in the chain, if any: with If-Match the write was conditional on a
     * version that changed under it (412 stale-version, as when the version check itself sees it); without, 409
     * concurrent-update. A unique key taken by a concurrent request is 409 already-exists.
     */
    static Optional<Problem> of(Throwable e, boolean conditional) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = e; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = next(cause)) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || ECLIPSELINK_OPTIMISTIC_LOCK.equals(cause.getClass().getName())) {
                return Optional.of(conditional
                        ? new Problem(412, "stale-version", "Precondition Failed", "It was changed by someone else"
                                + " while this request ran; read it again and retry with its current ETag.")
                        : new Problem(409, "concurrent-update", "Conflict", "It was changed by a concurrent request"
                                + " while this one ran; nothing of this request was stored. Read it again and retry"
                                + " if the change is still wanted."));
            }
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return Optional.of(new Problem(409, "already-exists", "Conflict", "A concurrent request stored the"
                        + " same unique value (a name, number or key) first; nothing of this request was stored. Read"
                        + " the current state before retrying."));
            }
        }
        return Optional.empty();
    }

    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        if (cause.getCause() != null) {
            return cause.getCause();
        }
        return cause instanceof SQLException sql ? sql.getNextException() : null;
    }
}
