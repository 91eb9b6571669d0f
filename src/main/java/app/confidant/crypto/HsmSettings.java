package app.confidant.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the token is and how to log in. {@code confidant.hsm.config} is a SunPKCS11 configuration file (library and
 * slot); {@code confidant.hsm.pin} is a secret from Payara's secrets directory or the environment
 * ({@code CONFIDANT_HSM_PIN}), never from a file in the repository.
 */
@ApplicationScoped
public class HsmSettings {

    @Inject
    @ConfigProperty(name = "confidant.hsm.config")
    Optional<String> providerConfig;

    @Inject
    @ConfigProperty(name = "confidant.hsm.pin")
    Optional<String> pin;

    public Optional<String> providerConfig() {
        return providerConfig.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A fresh copy each call: the caller clears it after use. */
    public Optional<char[]> pin() {
        return pin.map(String::strip).filter(s -> !s.isEmpty()).map(String::toCharArray);
    }
}
