package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.security.auth.login.FailedLoginException;

/**
 * One logged-in SunPKCS11 session with the token, healed by replacing the provider instance.
 *
 * <p>A SunPKCS11 provider whose token went away stays broken even after the token returns, so on any token-level
 * failure this session drops its provider and the next operation (or readiness probe) configures a fresh one. A
 * rejected PIN is not retried with the same PIN: a real HSM locks the user after a few wrong attempts.
 */
@ApplicationScoped
public class HsmSession {

    private static final Logger LOG = Logger.getLogger(HsmSession.class.getName());
    private static final long RECONNECT_INTERVAL_NANOS = 2_000_000_000L;

    /** An operation performed inside the token with the session's provider and key handles. */
    @FunctionalInterface
    public interface Operation<T> {
        T perform(Provider provider, TokenKeys keys) throws GeneralSecurityException;
    }

    /** The token's secret keys by label (CKA_LABEL): handles, never key material. */
    public interface TokenKeys {
        SecretKey secretKey(String label) throws GeneralSecurityException;

        boolean contains(String label) throws GeneralSecurityException;

        /** Stores a key generated inside the token (a session object) as a labelled token object. */
        void store(String label, SecretKey generated) throws GeneralSecurityException;

        /** Destroys the token object; with a non-extractable key nothing of it remains anywhere. */
        void destroy(String label) throws GeneralSecurityException;

        /** The labels of the token's keys, as the session knows them. */
        java.util.List<String> labels() throws GeneralSecurityException;

        /**
         * A fresh handle of the key, whose flags SunPKCS11 has just read from the token (C_GetAttributeValue of
         * CKA_TOKEN, CKA_SENSITIVE, CKA_EXTRACTABLE); never the cached handle.
         */
        SecretKey freshHandle(String label) throws GeneralSecurityException;
    }

    private record Token(Provider provider, KeyStore store, Map<String, SecretKey> keys) implements TokenKeys {
        @Override
        public SecretKey secretKey(String label) throws GeneralSecurityException {
            SecretKey cached = keys.get(label);
            if (cached != null) {
                return cached;
            }
            Key key = store.getKey(label, null);
            if (!(key instanceof SecretKey secret)) {
                throw new MissingKeyException(label);
            }
            keys.put(label, secret);
            return secret;
        }

        @Override
        public boolean contains(String label) throws GeneralSecurityException {
            return store.containsAlias(label);
        }

        @Override
        public void store(String label, SecretKey generated) throws GeneralSecurityException {
            store.setEntry(label, new KeyStore.SecretKeyEntry(generated), null);
            keys.remove(label);
        }

        @Override
        public void destroy(String label) throws GeneralSecurityException {
            keys.remove(label);
            store.deleteEntry(label);
        }

        @Override
        public java.util.List<String> labels() throws GeneralSecurityException {
            return java.util.Collections.list(store.aliases()).stream().sorted().toList();
        }

        @Override
        public SecretKey freshHandle(String label) throws GeneralSecurityException {
            if (!(store.getKey(label, null) instanceof SecretKey secret)) {
                throw new MissingKeyException(label);
            }
            return secret;
        }
    }

    @Inject
    HsmSettings settings;

    private volatile Token token;
    private volatile String failure = "not connected yet";
    private volatile long lastAttemptNanos;
    /** When a working session was lost and not yet replaced (System.nanoTime), or 0. */
    private volatile long lostSinceNanos;
    private int rejectedPinHash;

    /** Logs in at start so that the log says at once whether the token works; never fails the deployment. */
    void connectAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            connected();
        } catch (HsmUnavailableException alreadyLogged) {
            // readiness reports DOWN with the reason until the token works
        }
    }

    /**
     * Runs the operation inside the token. A failed tag check becomes {@link HsmIntegrityException}; a key missing
     * from a token that still answers becomes {@link KeyDestroyedException} (a destroyed key is not a health
     * failure); every other failure (token gone, session lost) becomes {@link HsmUnavailableException} and drops
     * the session.
     */
    public <T> T perform(Operation<T> operation) {
        Token current = connected();
        try {
            return operation.perform(current.provider(), current);
        } catch (AEADBadTagException e) {
            throw new HsmIntegrityException(e.getMessage(), e);
        } catch (MissingKeyException e) {
            // A provider whose token went away finds no keys any more: only a token that still finds its health
            // key proves that this one key is really gone.
            if (stillAnswers(current)) {
                throw new KeyDestroyedException(e.label());
            }
            drop(current, e);
            throw new HsmUnavailableException("HSM operation failed", e);
        } catch (GeneralSecurityException | ProviderException | IllegalStateException e) {
            drop(current, e);
            throw new HsmUnavailableException("HSM operation failed", e);
        }
    }

    private static boolean stillAnswers(Token token) {
        try {
            return token.store().getKey(HsmHealthCheck.HEALTH_KEY, null) != null;
        } catch (GeneralSecurityException | ProviderException | IllegalStateException e) {
            return false;
        }
    }

    /** Why the token is not usable, or empty when it is connected. */
    public Optional<String> failure() {
        return token == null ? Optional.of(failure) : Optional.empty();
    }

    /** How long a session that once worked has been lost without a successful reconnect (zero when connected). */
    public java.time.Duration lostFor() {
        long since = lostSinceNanos;
        return since == 0 || token != null ? java.time.Duration.ZERO : java.time.Duration.ofNanos(System.nanoTime() - since);
    }

    private Token connected() {
        Token current = token;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (token == null && System.nanoTime() - lastAttemptNanos >= RECONNECT_INTERVAL_NANOS) {
                lastAttemptNanos = System.nanoTime();
                token = connect();
            }
            if (token == null) {
                throw new HsmUnavailableException("HSM unavailable: " + failure);
            }
            return token;
        }
    }

    private Token connect() {
        Optional<String> config = settings.providerConfig();
        Optional<char[]> pin = settings.pin();
        if (config.isEmpty() || pin.isEmpty()) {
            return fail("confidant.hsm.config and the secret confidant.hsm.pin must be set",
                    "set them (./confidant run does) or see deploy/HSM.md");
        }
        char[] secret = pin.get();
        try {
            if (rejectedPinHash != 0 && rejectedPinHash == Arrays.hashCode(secret)) {
                return null; // already reported; the same PIN is never tried twice
            }
            Provider provider = Security.getProvider("SunPKCS11").configure(config.get());
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, secret);
            LOG.info(() -> "HSM session open with token provider " + provider.getName());
            failure = "";
            lostSinceNanos = 0;
            return new Token(provider, store, new ConcurrentHashMap<>());
        } catch (IOException e) {
            if (hasCause(e, FailedLoginException.class) || String.valueOf(e.getMessage()).contains("PIN")) {
                rejectedPinHash = Arrays.hashCode(secret);
                return fail("login refused: wrong PIN (not retried: a real HSM locks the user after a few attempts)",
                        "correct the secret confidant.hsm.pin and restart");
            }
            return fail("login failed: " + rootMessage(e), "check the token with hsm/setup-token.sh");
        } catch (GeneralSecurityException | ProviderException | IllegalArgumentException e) {
            return fail("token not reachable: " + rootMessage(e),
                    "check the library and slot in " + config.get() + " (hsm/setup-token.sh creates a SoftHSM token)");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private Token fail(String reason, String advice) {
        failure = reason;
        LOG.warning(() -> "HSM unavailable: " + reason + "; " + advice);
        return null;
    }

    private synchronized void drop(Token broken, Exception cause) {
        if (token == broken) {
            token = null;
            lostSinceNanos = System.nanoTime();
            failure = "token lost: " + rootMessage(cause);
            LOG.warning(() -> "HSM session dropped, a new one will be opened: " + failure);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
