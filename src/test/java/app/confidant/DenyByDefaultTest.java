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
import org.junit.jupiter.api.Test;

/**
 * Deny by default, held by the build: every JAX-RS resource method and every public method of an EJB states who
 * may call it (@RolesAllowed, @PermitAll or @DenyAll, on the method or its class).
 */
class DenyByDefaultTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.confidant");

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
            .stream().map(m -> "jakarta.ws.rs." + m).toList();
    private static final List<String> EJB_TYPES = List.of("jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful");

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
                    || owner.isAnnotatedWith(PermitAll.class) || owner.isAnnotatedWith(DenyAll.class);
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
    void everyEjbBusinessMethodStatesItsRoles() {
        assertThat(CLASSES.stream().flatMap(c -> c.getMethods().stream()).filter(EJB_BUSINESS_METHOD)).isNotEmpty();
        methods().that(EJB_BUSINESS_METHOD).should(STATE_THEIR_ROLES).check(CLASSES);
    }
}
