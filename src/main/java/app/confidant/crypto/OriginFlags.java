package app.confidant.crypto;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.security.Key;
import java.util.logging.Logger;

/**
 * Reads a key's CKA_NEVER_EXTRACTABLE and CKA_LOCAL from the token (C_GetAttributeValue), the two attributes that
 * say where a key came from: generated inside this HSM and never once extractable. SunPKCS11 reads both only on
 * request, through its key class's package-private {@code fetchAttributes}, which is reachable only when the JVM
 * opens the provider to the application ({@code --add-opens jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED
 * --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}, set by the launcher). The only
 * reflection in Confidant, kept here: without those options, or with another provider, both attributes are
 * reported as unreadable (null), never as safe.
 */
final class OriginFlags {

    private static final Logger LOG = Logger.getLogger(OriginFlags.class.getName());
    private static final long CKA_LOCAL = 0x163L;
    private static final long CKA_NEVER_EXTRACTABLE = 0x164L;

    /** The two attributes as the token states them; null where they could not be read. */
    record Flags(Boolean neverExtractable, Boolean local) {
        static final Flags UNREADABLE = new Flags(null, null);
    }

    private record Access(Method fetch, Constructor<?> attribute, Method getBoolean) {
    }

    private static final Access ACCESS = access();

    private OriginFlags() {
    }

    static Flags of(Key key) {
        if (ACCESS == null || key == null || !ACCESS.fetch().getDeclaringClass().isInstance(key)) {
            return Flags.UNREADABLE;
        }
        try {
            Object attributes = java.lang.reflect.Array.newInstance(ACCESS.attribute().getDeclaringClass(), 2);
            java.lang.reflect.Array.set(attributes, 0, ACCESS.attribute().newInstance(CKA_NEVER_EXTRACTABLE));
            java.lang.reflect.Array.set(attributes, 1, ACCESS.attribute().newInstance(CKA_LOCAL));
            ACCESS.fetch().invoke(key, attributes);
            return new Flags((Boolean) ACCESS.getBoolean().invoke(java.lang.reflect.Array.get(attributes, 0)),
                    (Boolean) ACCESS.getBoolean().invoke(java.lang.reflect.Array.get(attributes, 1)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "Cannot read CKA_NEVER_EXTRACTABLE/CKA_LOCAL of a key: " + e);
            return Flags.UNREADABLE;
        }
    }

    private static Access access() {
        try {
            Class<?> p11Key = Class.forName("sun.security.pkcs11.P11Key");
            Class<?> attribute = Class.forName("sun.security.pkcs11.wrapper.CK_ATTRIBUTE");
            Method fetch = p11Key.getDeclaredMethod("fetchAttributes", attribute.arrayType());
            fetch.setAccessible(true);
            return new Access(fetch, attribute.getConstructor(long.class), attribute.getMethod("getBoolean"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "CKA_NEVER_EXTRACTABLE and CKA_LOCAL cannot be read (the JVM does not open SunPKCS11 to"
                    + " the application: see server-config/start-payara.sh): " + e);
            return null;
        }
    }
}
