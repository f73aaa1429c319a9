package io.canhgac.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A gateway JVM of its own, so that only its CPU and memory are counted. */
final class GatewayChild implements AutoCloseable {

    /**
     * The JVM options README recommends for a gateway of this many cameras. Its live heap is about
     * 1.6 MB per camera with the simulator's busy scenes (pre-roll and open clips), so the heap may
     * grow to 3 MB per camera (256 MB at least) from a small start; the serial collector keeps the
     * JVM's own share small; FFmpeg frees memory in many threads' malloc arenas, which the JVM hands
     * back to the system every 5 s. Measured: 46 cameras with a 128 MB heap ran; 120 cameras with
     * 128 MB spent their time in full collections (BENCHMARKS.md).
     */
    static List<String> recommendedJvm(int cameras) {
        return List.of("-Xms32m", "-Xmx" + Math.max(256, 3 * cameras) + "m", "-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");
    }

    private final Process process;
    private final File log;

    private GatewayChild(Process process, File log) {
        this.process = process;
        this.log = log;
    }

    static GatewayChild start(List<String> jvmOptions, Class<?> main, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("java");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        File log = File.createTempFile("bench-gateway-", ".log");
        return new GatewayChild(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start(), log);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the child to end by itself and returns its output. */
    String awaitOutput(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway child did not finish in " + seconds + " s; see " + log);
        }
        return Files.readString(log.toPath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
