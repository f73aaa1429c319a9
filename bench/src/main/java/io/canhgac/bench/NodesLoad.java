package io.canhgac.bench;

import io.canhgac.event.nodes.EventServiceNode;
import io.canhgac.event.nodes.TwoNodes;
import io.canhgac.event.nodes.Waiting;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateways of {@link NodesBench}: {@link NodesBench#GATEWAYS} threads, each posting its share of
 * the cameras' events to a node as a load balancer would spread them, re-sending a batch that failed
 * (its node killed) to a node still alive.
 */
final class NodesLoad {

    private final TwoNodes centre;
    private final List<String> cameras;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    NodesLoad(TwoNodes centre, List<String> cameras) {
        this.centre = centre;
        this.cameras = cameras;
    }

    /** Registers cameras beside the demo district's until there are this many; their ids. */
    static List<String> addCameras(JdbcTemplate db, int total) {
        db.update("""
                INSERT INTO camera (id, name, commune_id, latitude, longitude)
                SELECT 'bench-' || lpad(g::text, 3, '0'), 'Camera thử ' || g,
                       (SELECT id FROM commune ORDER BY id OFFSET g % (SELECT count(*) FROM commune) LIMIT 1), 15.7, 108.0
                FROM generate_series(1, greatest(0, ? - (SELECT count(*) FROM camera))) g""", total);
        return db.queryForList("SELECT id FROM camera ORDER BY id", String.class);
    }

    /** Every gateway posts batches as fast as answered for the window, spread over the nodes; events/s stored. */
    double ingest(List<EventServiceNode> nodes, int batch, Duration window) throws InterruptedException {
        AtomicLong stored = new AtomicLong();
        Instant end = Instant.now().plus(window);
        List<Thread> gateways = new ArrayList<>();
        Instant start = Instant.now();
        for (int g = 0; g < NodesBench.GATEWAYS; g++) {
            EventServiceNode home = nodes.get(g % nodes.size());
            int gateway = g;
            Thread t = new Thread(() -> {
                for (int n = 0; Instant.now().isBefore(end); n++) {
                    List<String> events = new ArrayList<>(batch);
                    for (int k = 0; k < batch; k++) {
                        // one in ten starts motion (and raises an alert), as the district's mix goes
                        events.add(event(UUID.randomUUID(), camera(gateway, n * batch + k), k % 10 == 0 ? "MOTION_START" : "MOTION_END"));
                    }
                    if (home.ingest(http, "[" + String.join(",", events) + "]")) {
                        stored.addAndGet(batch);
                    }
                }
            }, "ingest-gateway-" + g);
            t.start();
            gateways.add(t);
        }
        for (Thread t : gateways) {
            t.join();
        }
        return stored.get() / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** Rounds of motion starts from every gateway, this far apart; when each event was sent, by its id. */
    void alerts(int rounds, int perRound, Duration apart, Map<String, Instant> sentAt, AtomicInteger done) {
        List<Thread> gateways = new ArrayList<>();
        for (int g = 0; g < NodesBench.GATEWAYS; g++) {
            EventServiceNode home = g % 2 == 0 ? centre.a : centre.b;
            int gateway = g;
            Thread t = new Thread(() -> {
                for (int n = 0; n < rounds; n++) {
                    List<String> events = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (int k = 0; k < perRound; k++) {
                        UUID id = UUID.randomUUID();
                        ids.add(id.toString());
                        events.add(event(id, camera(gateway, n * perRound + k), "MOTION_START"));
                    }
                    String body = "[" + String.join(",", events) + "]";
                    Instant at = Instant.now();
                    ids.forEach(id -> sentAt.put(id, at));
                    for (int attempt = 0; attempt < 50 && !centre.alive(home).ingest(http, body); attempt++) {
                        Waiting.pause(100); // the batch goes again (same ids): the gateway's outbox does the same
                    }
                    if (gateway == 0) {
                        done.incrementAndGet();
                    }
                    Waiting.pause(apart.toMillis());
                }
            }, "alert-gateway-" + g);
            t.start();
            gateways.add(t);
        }
        gateways.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Each gateway has its own tenth of the cameras. */
    private String camera(int gateway, int n) {
        int share = cameras.size() / NodesBench.GATEWAYS;
        return cameras.get(gateway * share + n % share);
    }

    private static String event(UUID id, String camera, String type) {
        String score = type.startsWith("MOTION") ? ",\"score\":0.4" : "";
        return "{\"id\":\"" + id + "\",\"cameraId\":\"" + camera + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + Instant.now() + "\"" + score + "}";
    }
}
