package io.canhgac.event.nodes;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One event-service node in a JVM of its own on loopback, pointed at a shared PostgreSQL: killed, it
 * dies as a machine would (SIGKILL, no shutdown hooks), which two Spring contexts in one JVM cannot show.
 */
public final class EventServiceNode implements AutoCloseable {

    public static final String INGEST_TOKEN = "nodes-test-token";
    /** For tests: a node up sooner (the C1 compiler only), in a small heap. */
    public static final List<String> QUICK_START = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** For measuring: both compilers, as a node in production runs. */
    public static final List<String> MEASURED = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private EventServiceNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the node (returns at once; {@link #awaitUp} waits for it).
     *
     * @param jdbcUrl the shared database; the demo district and its demo accounts are in it or made by the first node
     */
    public static EventServiceNode start(String name, String jdbcUrl, Path workDir, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", mainClasspath(), "io.canhgac.event.EventServiceApplication",
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--canhgac.ingest.token=" + INGEST_TOKEN, "--canhgac.accounts.demo=true",
                "--canhgac.media.dir=" + workDir.resolve(name + "-media"), "--spring.main.banner-mode=off"));
        command.addAll(Arrays.asList(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new EventServiceNode(name, port, process, log);
    }

    /**
     * The caller's classpath without test classes (a folder in a test run, the test-jar in a benchmark's):
     * their test configurations would be scanned as the node's own.
     */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator)
                        && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Waits until its health answers UP; fails with the end of its log if it dies or takes too long. */
    public EventServiceNode awaitUp(Duration within) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not up within " + within + ":\n" + tail());
    }

    /**
     * Posts a batch of events as a gateway would; false when it was not stored (the node died under
     * it, or answered 503), so the gateway sends it again, here or to another node.
     */
    public boolean ingest(HttpClient http, String batchJson) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/ingest/events"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + INGEST_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(batchJson)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL to this process (its pid only), and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // a graceful stop: the streams end, the pool closes
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
