package io.canhgac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one jar as a district runs it, in a process of its own with the communes topology: the
 * centre, the simulated cameras and one gateway process per commune behind its own relay. The
 * benchmark sees it as an operator would (HTTP, the fault control) and reads its database directly.
 */
final class DistrictChild implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final int databasePort;
    private final int controlPort;
    private final Path work;
    private final HttpClient http = HttpClient.newHttpClient();

    private DistrictChild(Process process, int port, int databasePort, int controlPort, Path work) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.controlPort = controlPort;
        this.work = work;
    }

    /** @param inventory the district's inventory file, or null for the demo's Nông Sơn */
    static DistrictChild start(Path work, Path inventory) throws IOException {
        Path jar = Path.of(System.getProperty("bench.districtJar", "../district-server/target/district-server.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no all-in-one jar at " + jar + ": build it with -pl bench -am (the bench depends on it)");
        }
        Files.createDirectories(work);
        int port = freePort();
        int databasePort = freePort();
        int controlPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + port,
                "--canhgac.topology=communes",
                "--canhgac.database.embedded.data-dir=" + work.resolve("postgres"),
                "--canhgac.database.embedded.port=" + databasePort,
                "--canhgac.communes.data-dir=" + work.resolve("gateways"),
                "--canhgac.communes.restart-delay=2s",
                "--canhgac.simulator.control-port=" + controlPort,
                "--canhgac.simulator.main-streams=false",
                "--canhgac.gateway.live.address=127.0.0.1",
                "--canhgac.gateway.live.port=0"));
        if (inventory != null) {
            command.add("--canhgac.inventory=" + inventory.toAbsolutePath());
        }
        File log = work.resolve("district.log").toFile();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        System.out.println("  district started, pid " + process.pid() + ", log " + log);
        return new DistrictChild(process, port, databasePort, controlPort, work);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path work() {
        return work;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
    }

    /** Waits until every camera of the inventory is registered and most report pictures through their gateway. */
    void awaitDistrict(int cameras, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the district process ended; see " + work.resolve("district.log"));
            }
            try (Connection db = database(); var q = db.createStatement().executeQuery("""
                    SELECT count(*) FILTER (WHERE onboarded_at IS NOT NULL), count(*) FILTER (WHERE status = 'ONLINE') FROM camera""")) {
                q.next();
                if (q.getInt(1) >= cameras && q.getInt(2) >= cameras - 4) {
                    return;
                }
            } catch (SQLException e) {
                // not up yet
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the district's cameras did not all come up within " + within);
    }

    JsonNode control(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Bytes through a commune's link since its counters were last reset: [up, down]. */
    long[] linkBytes(String commune) throws IOException, InterruptedException {
        JsonNode figures = control("GET", "/links/" + commune).get("figures");
        return new long[]{figures.get("bytesUp").asLong(), figures.get("bytesDown").asLong()};
    }

    /** The process of a commune's gateway now (its outbox sits under gateways/<commune>/). */
    long gatewayPid(String commune) {
        String outbox = work.resolve("gateways").resolve(commune).resolve("outbox").toString();
        return process.toHandle().descendants()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(outbox)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no gateway process for " + commune));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
