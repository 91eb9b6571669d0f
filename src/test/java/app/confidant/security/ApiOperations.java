package app.confidant.security;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Every operation the code declares ("VERB /path/{param}"), read from the JAX-RS annotations of the main classes. */
final class ApiOperations {

    private ApiOperations() {
    }

    static SortedSet<String> declared() {
        TreeSet<String> declared = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.confidant")) {
            if (!type.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            String base = "/" + type.getAnnotationOfType(jakarta.ws.rs.Path.class).value();
            for (JavaMethod method : type.getMethods()) {
                for (String verb : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                    if (method.isAnnotatedWith("jakarta.ws.rs." + verb)) {
                        String sub = method.isAnnotatedWith(jakarta.ws.rs.Path.class)
                                ? "/" + method.getAnnotationOfType(jakarta.ws.rs.Path.class).value() : "";
                        declared.add(verb + " " + base + sub);
                    }
                }
            }
        }
        return declared;
    }
}
