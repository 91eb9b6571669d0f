package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DenialsTest {

    @Test
    void refusalsOfCallersAndDualControlAreDenials() {
        assertThat(Denials.isDenial(403, "forbidden")).isTrue();
        assertThat(Denials.isDenial(403, "step-up-required")).isTrue();
        assertThat(Denials.isDenial(403, "training-required")).isTrue();
        assertThat(Denials.isDenial(403, "platform-only")).isTrue();
        assertThat(Denials.isDenial(401, "invalid-token")).isTrue();
        assertThat(Denials.isDenial(409, "four-eyes")).isTrue();
        assertThat(Denials.isDenial(409, "self-approval")).isTrue();
    }

    @Test
    void signInFailuresAuditedElsewhereAndOrdinaryErrorsAreNot() {
        assertThat(Denials.isDenial(401, "invalid-credentials")).isFalse();
        assertThat(Denials.isDenial(401, "invalid-code")).isFalse();
        assertThat(Denials.isDenial(401, "unauthenticated")).isFalse();
        assertThat(Denials.isDenial(409, "invoice-frozen")).isFalse();
        assertThat(Denials.isDenial(404, "not-found")).isFalse();
        assertThat(Denials.isDenial(429, "too-many-attempts")).isFalse();
    }
}
