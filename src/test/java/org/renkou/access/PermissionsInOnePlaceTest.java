package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which role holds which permission is written once, in {@link Role}: no page asks for a role, and no code
 * outside {@code access} looks at one (the demo loader only names the roles of the accounts it creates).
 */
class PermissionsInOnePlaceTest {
    private static final Pattern ROLE_IN_TEMPLATE = Pattern.compile("hasRole|hasAnyRole|ROLE_");
    private static final Pattern ROLE_IN_JAVA = Pattern.compile("\\bRole\\b|hasRole|hasAnyRole|\"ROLE_|\\.role\\(\\)");

    @Test
    void noTemplateAsksForARole() {
        List<String> offenders = files("src/main/resources/templates", ".html").stream()
                .filter(p -> ROLE_IN_TEMPLATE.matcher(read(p)).find()).map(Path::toString).toList();
        assertThat(offenders).as("templates that ask for roles instead of permissions").isEmpty();
    }

    @Test
    void noCodeOutsideAccessLooksAtARole() {
        List<Path> java = files("src/main/java/org/renkou", ".java");
        assertThat(java).hasSizeGreaterThan(100);
        List<String> offenders = java.stream()
                .filter(p -> !p.startsWith("src/main/java/org/renkou/access/"))
                .filter(p -> !p.equals(Path.of("src/main/java/org/renkou/demo/DemoLoader.java")))
                .filter(p -> ROLE_IN_JAVA.matcher(read(p)).find()).map(Path::toString).toList();
        assertThat(offenders).as("code outside access that names or compares roles").isEmpty();
    }

    private static List<Path> files(String root, String suffix) {
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
