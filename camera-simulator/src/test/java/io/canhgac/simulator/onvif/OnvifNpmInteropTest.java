package io.canhgac.simulator.onvif;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A third-party ONVIF client — the npm {@code onvif} package — reads a simulated camera on loopback
 * through {@code scripts/interop/onvif-npm-check.sh}. Skipped where node or npm is missing or the
 * package cannot be installed.
 */
@Timeout(300)
@Tag("interop")
class OnvifNpmInteropTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "interop", "onvif-npm-check.sh");

    @TempDir
    static Path npmDir;
    private static EventLoopGroup group;
    private static OnvifDeviceServer server;

    @BeforeAll
    static void start() throws Exception {
        // tagged "interop": not in the default run, so when it runs, a missing tool is a failure, not a skip
        assertThat(Files.isRegularFile(SCRIPT)).as("interop script at " + SCRIPT.toAbsolutePath()).isTrue();
        assertThat(runs("node", "--version") && runs("npm", "--version")).as("node and npm installed").isTrue();
        group = new NioEventLoopGroup(1);
        server = new OnvifDeviceServer(group, new InetSocketAddress("127.0.0.1", 0), TestDevices.device());
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void theNpmOnvifClientReadsIdentityProfilesAndStreamUris() throws Exception {
        Run run = check(TestDevices.PASSWORD);
        assertThat(run.exit()).as(run.output()).isZero();
        String result = run.resultJson();
        assertThat(result).contains("\"manufacturer\":\"Canh Gac\"", "\"model\":\"CG-PTZ-720\"",
                "\"firmwareVersion\":\"1.4.2 build 260101\"", "\"serialNumber\":\"CG20260001\"", "\"videoSources\":1");
        assertThat(result).contains("{\"token\":\"main\",\"name\":\"mainStream\",\"encoding\":\"H264\",\"width\":1280,\"height\":720,"
                + "\"frameRate\":15,\"streamUri\":\"" + TestDevices.rtsp("main") + "\"}");
        assertThat(result).contains("{\"token\":\"sub\",\"name\":\"subStream\",\"encoding\":\"H264\",\"width\":640,\"height\":360,"
                + "\"frameRate\":10,\"streamUri\":\"" + TestDevices.rtsp("sub") + "\"}");
    }

    @Test
    void theNpmOnvifClientIsRefusedWithAWrongPassword() throws Exception {
        Run run = check("not-the-password");
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAILED").doesNotContain("RESULT ");
    }

    private record Run(int exit, String output) {
        String resultJson() {
            Matcher m = Pattern.compile("(?m)^RESULT (.*)$").matcher(output);
            assertThat(m.find()).as(output).isTrue();
            return m.group(1);
        }
    }

    private static Run check(String password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString(), "127.0.0.1",
                String.valueOf(server.address().getPort()), TestDevices.USER, password)).redirectErrorStream(true);
        pb.environment().put("ONVIF_NPM_DIR", npmDir.toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                throw new AssertionError("the interop script did not finish in 240 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("npm install onvif: " + output).isNotEqualTo(65);
            return new Run(p.exitValue(), output);
        } finally {
            p.destroyForcibly(); // our own child, by its handle; a no-op once it has exited
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = p.waitFor(20, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
