package io.canhgac.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** The demo district's simulator in a child JVM on benchmark ports, stopped (by its handle) on close. */
final class SimulatorChild implements AutoCloseable {

    /** -Dbench.portBase=N moves all three ports, so two benchmarks on one machine do not share a simulator. */
    static final int RTSP_PORT = Integer.getInteger("bench.portBase", 18554);
    static final int CONTROL_PORT = RTSP_PORT + 1;
    static final int ONVIF_PORT = RTSP_PORT + 345;

    private final Process process;
    private final File log;

    private SimulatorChild(Process process, File log) {
        this.process = process;
        this.log = log;
    }

    /** @param waitForMainStreams also wait until every main stream is encoded (the encoder must not run while measuring) */
    static SimulatorChild start(boolean waitForMainStreams) throws Exception {
        File log = File.createTempFile("bench-simulator-", ".log");
        Process p = new ProcessBuilder("java", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.canhgac.simulator.SimulatorMain", "--rtsp-port", String.valueOf(RTSP_PORT),
                "--control-port", String.valueOf(CONTROL_PORT), "--onvif-port", String.valueOf(ONVIF_PORT))
                .redirectErrorStream(true).redirectOutput(log).start();
        SimulatorChild child = new SimulatorChild(p, log);
        try {
            child.waitUntilReady(waitForMainStreams ? "\"mainReady\":true" : "\"poweredOn\"");
        } catch (Exception e) {
            child.close();
            throw e;
        }
        return child;
    }

    long pid() {
        return process.pid();
    }

    private void waitUntilReady(String marker) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + CONTROL_PORT + "/cameras")).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long lastReport = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("simulator exited; see " + log);
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                long ready = body.split(java.util.regex.Pattern.quote(marker), -1).length - 1;
                if (ready == 46) {
                    Thread.sleep(3000); // let the last encoder thread finish and the JIT settle
                    return;
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                    System.out.println("waiting for the simulator (the first run encodes scenes): " + ready + "/46");
                    lastReport = System.nanoTime();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("simulator not ready in 10 minutes; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
