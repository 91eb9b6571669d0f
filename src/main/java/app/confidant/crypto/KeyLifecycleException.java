package app.confidant.crypto;

/** A key version cannot make the requested life-cycle step from the state it is in (e.g. destroy an active key). */
public class KeyLifecycleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyLifecycleException(String message) {
        super(message);
    }
}
