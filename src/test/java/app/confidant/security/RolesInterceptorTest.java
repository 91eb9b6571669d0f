package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What RolesInterceptor enforces on CDI beans: method annotations first, then the class; markers mean no check. */
class RolesInterceptorTest {

    @Test
    void methodRolesOverrideTheClassAndMarkersOpenTheWayIn() throws Exception {
        assertThat(RolesInterceptor.allowedRoles(UserAdminService.class.getMethod("resetMfa", Caller.class,
                java.util.UUID.class, Approval.class))).isEqualTo(Set.of(Roles.SECURITY_ADMIN));
        assertThat(RolesInterceptor.allowedRoles(UserAdminService.class.getMethod("conflicts")))
                .isEqualTo(Set.of(Roles.SECURITY_ADMIN, Roles.AUDITOR));
        assertThat(RolesInterceptor.allowedRoles(UserAdminService.class.getMethod("bootstrap", String.class,
                char[].class))).as("@PermitAll").isNull();
        assertThat(RolesInterceptor.allowedRoles(LoginService.class.getMethod("login", String.class, char[].class,
                java.util.UUID.class, String.class))).as("@PreAuthentication").isNull();
        assertThat(RolesInterceptor.allowedRoles(LoginService.class.getMethod("confirmEnrolment", Caller.class,
                String.class, String.class))).isEqualTo(Set.of(Roles.MFA_ENROLMENT));
    }
}
