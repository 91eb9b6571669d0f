package app.confidant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, held by the build: every JAX-RS resource method, every public method of an EJB and every public
 * method of a CDI business bean states who may call it (@RolesAllowed, @PermitAll or @DenyAll, on the method or its
 * class; {@code @PreAuthentication} for the way in). A CDI business bean is a {@code *Service} or any bean a resource
 * injects: the beans a request reaches first. Beyond them (repositories, crypto, the audit chain) code is reached only
 * through these. On CDI beans the roles are enforced by security's RolesInterceptor, on EJBs by the container.
 */
class DenyByDefaultTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.confidant");

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
            .stream().map(m -> "jakarta.ws.rs." + m).toList();
    private static final List<String> EJB_TYPES = List.of("jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful");

    private static final List<String> CDI_SCOPES = List.of("jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped", "jakarta.enterprise.context.Dependent",
            "jakarta.enterprise.context.SessionScoped");
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String PRE_AUTHENTICATION = "app.confidant.security.PreAuthentication";

    /** The types resources inject: what a request reaches right after the resource's own role check. */
    private static final Set<String> INJECTED_INTO_RESOURCES = CLASSES.stream()
            .filter(c -> c.isAnnotatedWith(PATH))
            .flatMap(c -> c.getFields().stream())
            .filter(f -> f.isAnnotatedWith("jakarta.inject.Inject"))
            .map(f -> f.getRawType().getName())
            .collect(Collectors.toSet());

    private static final DescribedPredicate<JavaMethod> CDI_BUSINESS_METHOD = DescribedPredicate.describe(
            "public methods of CDI services and of the beans resources inject", m -> {
                JavaClass owner = m.getOwner();
                return m.getModifiers().contains(JavaModifier.PUBLIC) && !m.getModifiers().contains(JavaModifier.STATIC)
                        && CDI_SCOPES.stream().anyMatch(owner::isAnnotatedWith) && !owner.isAnnotatedWith(PATH)
                        && (owner.getSimpleName().endsWith("Service") || INJECTED_INTO_RESOURCES.contains(owner.getName()));
            });

    private static final DescribedPredicate<JavaMethod> RESOURCE_METHOD = DescribedPredicate.describe(
            "JAX-RS resource methods", m -> HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith));

    private static final DescribedPredicate<JavaMethod> EJB_BUSINESS_METHOD = DescribedPredicate.describe(
            "public methods of EJBs", m -> m.getModifiers().contains(JavaModifier.PUBLIC)
                    && EJB_TYPES.stream().anyMatch(m.getOwner()::isAnnotatedWith));

    private static final ArchCondition<JavaMethod> STATE_THEIR_ROLES = new ArchCondition<>("state their roles") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            JavaClass owner = method.getOwner();
            boolean declared = hasRoleAnnotation(method) || owner.isAnnotatedWith(RolesAllowed.class)
                    || owner.isAnnotatedWith(PermitAll.class) || owner.isAnnotatedWith(DenyAll.class)
                    || method.isAnnotatedWith(PRE_AUTHENTICATION) || owner.isAnnotatedWith(PRE_AUTHENTICATION);
            events.add(new SimpleConditionEvent(method, declared,
                    method.getFullName() + (declared ? " states its roles" : " states no roles")));
        }
    };

    private static boolean hasRoleAnnotation(JavaMethod method) {
        return method.isAnnotatedWith(RolesAllowed.class) || method.isAnnotatedWith(PermitAll.class)
                || method.isAnnotatedWith(DenyAll.class);
    }

    @Test
    void everyResourceMethodStatesItsRoles() {
        assertThat(CLASSES.stream().flatMap(c -> c.getMethods().stream()).filter(RESOURCE_METHOD)).isNotEmpty();
        methods().that(RESOURCE_METHOD).should(STATE_THEIR_ROLES).check(CLASSES);
    }

    @Test
    void everyCdiBusinessMethodStatesItsRoles() {
        assertThat(CLASSES.stream().flatMap(c -> c.getMethods().stream()).filter(CDI_BUSINESS_METHOD)
                .map(m -> m.getOwner().getSimpleName())).contains("LoginService", "UserAdminService", "AuditQuery");
        methods().that(CDI_BUSINESS_METHOD).should(STATE_THEIR_ROLES).check(CLASSES);
    }

    @Test
    void everyEjbBusinessMethodStatesItsRoles() {
        assertThat(CLASSES.stream().flatMap(c -> c.getMethods().stream()).filter(EJB_BUSINESS_METHOD)).isNotEmpty();
        methods().that(EJB_BUSINESS_METHOD).should(STATE_THEIR_ROLES).check(CLASSES);
    }
}
