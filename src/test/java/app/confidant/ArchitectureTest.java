package app.confidant;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md, held by the build rather than by memory. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.confidant");

    @Test
    void capabilitiesDependOnlyDownwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("platform").definedBy("app.confidant.platform..")
                .layer("compliance").definedBy("app.confidant.compliance..")
                .layer("einvoice").definedBy("app.confidant.einvoice..")
                .layer("invoice").definedBy("app.confidant.invoice..")
                .layer("keyceremony").definedBy("app.confidant.keyceremony..")
                .layer("security").definedBy("app.confidant.security..")
                .layer("audit").definedBy("app.confidant.audit..")
                .layer("crypto").definedBy("app.confidant.crypto..")
                .whereLayer("platform").mayNotBeAccessedByAnyLayer()
                .whereLayer("compliance").mayOnlyBeAccessedByLayers("platform")
                .whereLayer("einvoice").mayOnlyBeAccessedByLayers("platform")
                .whereLayer("invoice").mayOnlyBeAccessedByLayers("platform", "compliance", "einvoice")
                .whereLayer("keyceremony").mayOnlyBeAccessedByLayers("platform", "compliance")
                .whereLayer("security")
                .mayOnlyBeAccessedByLayers("platform", "compliance", "invoice", "keyceremony", "einvoice")
                .whereLayer("audit")
                .mayOnlyBeAccessedByLayers("platform", "compliance", "invoice", "keyceremony", "security", "einvoice")
                .check(CLASSES);
    }

    @Test
    void complianceReadsOnlyTheCapabilitiesItReportsOn() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAPackage("app.confidant.compliance..")
                .should().dependOnClassesThat().resideInAnyPackage("app.confidant.platform..",
                        "app.confidant.keyceremony..")
                .because("the security report reads crypto, audit, security and invoice; only platform uses it")
                .check(CLASSES);
    }

    @Test
    void everyServiceMethodIsAuditedOrSaysWhyNot() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .and().areDeclaredInClassesThat().resideInAnyPackage("app.confidant.invoice..",
                        "app.confidant.security..", "app.confidant.keyceremony..", "app.confidant.compliance..",
                        "app.confidant.einvoice..")
                .and().arePublic()
                .should().beAnnotatedWith(app.confidant.audit.Audited.class)
                .orShould().beAnnotatedWith(app.confidant.audit.ReadOnly.class)
                .orShould().beAnnotatedWith(app.confidant.audit.AuditsItself.class)
                .check(CLASSES);
    }

    @Test
    void everyClassLivesInACapabilityPackage() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should().resideInAnyPackage("app.confidant.platform..", "app.confidant.compliance..",
                        "app.confidant.invoice..", "app.confidant.keyceremony..", "app.confidant.security..",
                        "app.confidant.audit..", "app.confidant.crypto..", "app.confidant.einvoice..")
                .check(CLASSES);
    }
}
