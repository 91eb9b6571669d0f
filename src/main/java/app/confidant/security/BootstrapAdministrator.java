package app.confidant.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On the very first start (no users at all) creates the security administrator "admin" with a random password,
 * written once to {@code confidant.bootstrap.password-file} (mode 0600) — never to the log. That password works
 * once: its first login only changes it (token stage PASSWORD_CHANGE); then the administrator enrols MFA before
 * anything else, like everybody.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@PermitAll // runs once at start, called by the container with no caller
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the work runs in UserAdminService's transaction
public class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());
    public static final String USERNAME = "admin";

    @Inject
    UserAdminService admin;

    @Inject
    @ConfigProperty(name = "confidant.bootstrap.password-file")
    Optional<String> passwordFile;

    /** Whether the first start's work is done (created, or found users already): readiness waits for it. */
    private static volatile boolean settled;

    static boolean settled() {
        return settled;
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atStart() {
        tryCreate();
    }

    /** If the first attempt failed (e.g. the HSM was down), tries again every minute until it settles. */
    @Schedule(minute = "*", hour = "*", persistent = false)
    void retry() {
        if (!settled) {
            tryCreate();
        }
    }

    private void tryCreate() {
        try {
            createFirstAdministrator();
            settled = true;
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, e, () -> "Could not create the first administrator yet ("
                    + e.getClass().getSimpleName() + "); retrying every minute");
        }
    }

    private void createFirstAdministrator() {
        if (passwordFile.isEmpty()) {
            LOG.warning("confidant.bootstrap.password-file is not set: no first administrator can be created");
            return;
        }
        String password = Secrets.newToken();
        if (!admin.bootstrap(USERNAME, password.toCharArray())) {
            return;
        }
        try {
            Path file = Path.of(passwordFile.get());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the bootstrap password file", e);
        }
        LOG.info(() -> "Created the first security administrator '" + USERNAME + "'; its one-time password is in "
                + passwordFile.get());
    }
}
