package io.canhgac.gateway.onvif;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every Response and Error capture of an operation the gateway sends ({@link OnvifOperation}) must
 * be named by a test with {@link Capture}; nothing is skipped silently.
 *
 * <p>Out of scope, and so not parsed: the other device operations (network, DNS, NTP, hostname,
 * users, scopes, certificates, access policy, 802.11/802.1X, relays, system log/backup/reboot,
 * discovery modes, WSDL URL, GetServiceCapabilities), the other media operations (GetProfile,
 * video/audio/metadata/OSD/analytics configurations and sources), the other event operations
 * (SetSynchronizationPoint, GetServiceCapabilities), the other PTZ operations (home position,
 * nodes, configurations, status) and the whole analytics service. Renew and Unsubscribe are
 * supported but have no captures; Media2 and imaging have none either (the captured firmwares
 * predate them) and are tested on fixtures of our own construction.
 */
class OnvifCaptureCoverageTest extends OnvifCaptureTest {

    private static final Map<OnvifService, String> FOLDERS = new EnumMap<>(Map.of(
            OnvifService.DEVICE, "core", OnvifService.MEDIA, "media", OnvifService.EVENTS, "events", OnvifService.PTZ, "ptz"));

    @Test
    void everyCaptureOfASupportedOperationIsNamedByATest() throws Exception {
        Path dir = requireCaptures();
        Set<String> captures = supportedCaptures(dir);
        Set<String> named = namedByTests();

        assertThat(captures).as("captures of supported operations found in %s", dir).hasSizeGreaterThanOrEqualTo(40);
        Set<String> unnamed = new TreeSet<>(captures);
        unnamed.removeAll(named);
        assertThat(unnamed).as("captures of supported operations that no test names with @Capture").isEmpty();

        Set<String> missing = new TreeSet<>();
        for (String name : named) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                missing.add(name);
            }
        }
        assertThat(missing).as("@Capture names of files that do not exist").isEmpty();
    }

    @Test
    void aTestCannotReadACaptureItDoesNotName() {
        requireCaptures();
        assertThatThrownBy(() -> capture("axis/core/GetDeviceInformation.Response.xml"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("@Capture(\"axis/core/GetDeviceInformation.Response.xml\")");
    }

    @Test
    void theRootPomTellsTestsWhereTheSharedDataIs() {
        // surefire sets it from the root pom; a plain IDE run falls back to ../shared of the project root
        assertThat(sharedDir().getFileName().toString()).isEqualTo("shared");
    }

    private static Set<String> supportedCaptures(Path dir) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> vendors = Files.list(dir)) {
            for (Path vendor : (Iterable<Path>) vendors.filter(Files::isDirectory)::iterator) {
                for (OnvifOperation op : OnvifOperation.values()) {
                    for (String kind : new String[]{"Response", "Error"}) {
                        String name = vendor.getFileName() + "/" + FOLDERS.get(op.service()) + "/" + op.operationName() + "." + kind + ".xml";
                        if (Files.isRegularFile(dir.resolve(name))) {
                            found.add(name);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The @Capture names on every test method compiled into this test tree. */
    private static Set<String> namedByTests() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(OnvifCaptureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDir = classes.resolve("io/canhgac/gateway/onvif");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String className = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, OnvifCaptureCoverageTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    named.addAll(namedCaptures(method));
                }
            }
        }
        return named;
    }
}
