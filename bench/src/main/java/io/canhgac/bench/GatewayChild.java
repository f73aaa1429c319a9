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
     * The JVM options README recommends for a gateway: its live heap is about 30 MB for 46 cameras
     * (pre-roll included), so a small heap with the serial collector keeps the JVM's share of the
     * memory small; G1 with a large heap grows to hundreds of MB it does not need.
     */
    static final List<String> RECOMMENDED_JVM = List.of("-Xmx128m", "-XX:+UseSerialGC");

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
