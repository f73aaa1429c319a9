package io.canhgac.district;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The command line that runs {@code GatewayMain} from the same code as this server: from the
 * all-in-one jar through Spring Boot's launcher (its libraries are nested), or from the class path
 * when run from a build (tests, an IDE).
 */
final class GatewayCommand {

    static final String MAIN = "io.canhgac.gateway.GatewayMain";
    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private GatewayCommand() {
    }

    /** @param jvm JVM options, e.g. the heap; @param args GatewayMain's own arguments */
    static List<String> of(List<String> jvm, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        Path jar = bootJar();
        if (jar != null) {
            command.addAll(List.of("-Dloader.main=" + MAIN, "-cp", jar.toString(), BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
        }
        command.addAll(args);
        return command;
    }

    /** The executable jar this server runs from, or null when it runs from a class path of folders and jars. */
    static Path bootJar() {
        try {
            Path source = Path.of(GatewayCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String cp = System.getProperty("java.class.path");
            Path jar = Files.isRegularFile(Path.of(cp)) ? Path.of(cp) : source;
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                return zip.getEntry("BOOT-INF/lib/") != null || zip.getEntry("BOOT-INF/classes/") != null ? jar.toAbsolutePath() : null;
            }
        } catch (URISyntaxException | java.io.IOException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
