package io.canhgac.district;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Runs the test classes of one district (one Spring configuration: the same properties and imports, as
 * the shared bases and EndToEndTest's twin give) one after another. With the context cache holding one
 * context (src/test/resources/spring.properties), a district is started once and closed as the next
 * one starts: a district left running streams and decodes its cameras in the background, and on two
 * cores that slowed every class after it (the 46-camera registry district cost half a core).
 */
public class OneDistrictAtATime implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> district(d.getTestClass()))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    /** The configuration a class runs on; "" for the classes without a Spring context, which go first. */
    static String district(Class<?> testClass) {
        SpringBootTest boot = AnnotatedElementUtils.findMergedAnnotation(testClass, SpringBootTest.class);
        if (boot == null) {
            return "";
        }
        Import imports = AnnotatedElementUtils.findMergedAnnotation(testClass, Import.class);
        return Arrays.toString(boot.properties()) + (imports == null ? "" : Arrays.toString(imports.value()));
    }
}
