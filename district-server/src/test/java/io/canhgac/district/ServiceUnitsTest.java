package io.canhgac.district;

import io.canhgac.gateway.GatewayMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14.5: the systemd units in deploy/systemd pass {@code systemd-analyze verify} without a warning
 * (.ci/run installs systemd where it is missing), log to the journal, restart on failure, and start
 * what exists: the gateway unit's command line is accepted by GatewayMain's own parser and the
 * all-in-one's names only properties the README documents, both with the README's JVM options.
 */
class ServiceUnitsTest {

    static final Path UNITS = Path.of("..", "deploy", "systemd");
    static final Path DISTRICT = UNITS.resolve("canhgac-district.service");
    static final Path GATEWAY = UNITS.resolve("canhgac-gateway@.service");
    static final List<String> RECOMMENDED_JVM = List.of("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");

    @TempDir
    Path instances;

    @Test
    void systemdAnalyzeVerifiesBothUnitsWithoutAWarning() throws Exception {
        Path district = Files.copy(DISTRICT, instances.resolve(DISTRICT.getFileName()));
        Path template = Files.copy(GATEWAY, instances.resolve(GATEWAY.getFileName()));
        // a template is verified through an instance of it
        Path instance = Files.createSymbolicLink(instances.resolve("canhgac-gateway@que-loc.service"), template);
        for (Path unit : List.of(district, instance)) {
            Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
            String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(verify.exitValue()).as(output).isZero();
            assertThat(output).as("systemd-analyze verify " + unit.getFileName()).isBlank();
        }
    }

    @Test
    void bothRestartOnFailureAndLogToTheJournal() throws IOException {
        for (Path file : List.of(DISTRICT, GATEWAY)) {
            SystemdUnit unit = SystemdUnit.read(file);
            assertThat(unit.one("Service.Restart")).as(file.toString()).isEqualTo("on-failure");
            assertThat(unit.one("Service.StandardOutput")).isEqualTo("journal");
            assertThat(unit.one("Service.StandardError")).isEqualTo("journal");
            assertThat(unit.one("Service.SuccessExitStatus")).as("a stopped JVM's 143 is no failure").isEqualTo("143");
            assertThat(unit.one("Install.WantedBy")).isEqualTo("multi-user.target");
            assertThat(unit.one("Service.User")).isEqualTo("canhgac");
        }
    }

    @Test
    void theGatewayUnitStartsGatewayMainWithOptionsItAccepts() throws IOException {
        List<String> command = SystemdUnit.read(GATEWAY).command("que-loc", Map.of("CANHGAC_CENTRE", "https://ioc.nongson.example"));
        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        assertThat(command).containsAll(RECOMMENDED_JVM).contains("-Xms32m", "-Xmx256m")
                .containsSubsequence("-Dloader.main=" + GatewayCommand.MAIN, "-cp", "/opt/canhgac/district-server.jar", GatewayCommand.BOOT_LAUNCHER);
        List<String> arguments = command.subList(command.indexOf(GatewayCommand.BOOT_LAUNCHER) + 1, command.size());
        Path outbox = GatewayMain.checkArguments(arguments.toArray(String[]::new), "cgw_from_the_env_file");
        assertThat(outbox).isEqualTo(Path.of("/var/lib/canhgac/gateway-que-loc/outbox"));
        assertThat(SystemdUnit.read(GATEWAY).one("Service.StateDirectory")).isEqualTo("canhgac/gateway-%i");
    }

    @Test
    void theDistrictUnitRunsTheJarWithDocumentedProperties() throws IOException {
        SystemdUnit unit = SystemdUnit.read(DISTRICT);
        List<String> command = unit.command("", Map.of());
        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        assertThat(command).containsAll(RECOMMENDED_JVM).containsSubsequence("-jar", "/opt/canhgac/district-server.jar");
        // relative defaults (data/postgres, data/media, …) land in the state directory
        assertThat(unit.one("Service.WorkingDirectory")).isEqualTo("/var/lib/" + unit.one("Service.StateDirectory"));
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> properties = new ArrayList<>();
        for (String word : command.subList(command.indexOf("/opt/canhgac/district-server.jar") + 1, command.size())) {
            Matcher property = Pattern.compile("--([a-z0-9.-]+)=.*").matcher(word);
            assertThat(property.matches()).as(word + ": Spring's --name=value").isTrue();
            properties.add(property.group(1));
        }
        assertThat(properties).isNotEmpty().allSatisfy(p -> assertThat(readme).as("README's Configuration").contains("`" + p + "`"));
    }
}
