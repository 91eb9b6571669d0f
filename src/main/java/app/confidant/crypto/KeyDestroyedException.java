package app.confidant.crypto;

/** The value was sealed with a key version that has been destroyed (crypto-shredded): it is gone for good. */
public class KeyDestroyedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyDestroyedException(String label) {
        super("key " + label + " was destroyed; the values it protected are permanently unreadable");
    }
}
