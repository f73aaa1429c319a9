package io.canhgac.bench;

import io.canhgac.event.WebSession;
import io.canhgac.event.nodes.EventServiceNode;
import io.canhgac.event.nodes.FollowedStream;
import io.canhgac.event.nodes.TwoNodes;
import io.canhgac.event.nodes.Waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 15's load run: event-service nodes as child JVMs on one embedded PostgreSQL, 10 simulated
 * gateways posting the events of 500 cameras, 200 browsers' alert streams over two nodes, node A
 * killed a third of the way through the alert run. Prints ingest events/s with one node and with
 * two (same gateways, same window), alert fan-out latency gateway → browser (p50, p99, before and
 * after the kill), heap and RSS per SSE client on a node, and alerts missed or duplicated (must be 0).
 * Bounded: two 10 s ingest windows, then 30 rounds of alerts 300 ms apart.
 */
final class NodesBench {

    static final int GATEWAYS = 10;
    static final int CAMERAS = 500;
    static final int CLIENTS = 200;
    static final int INGEST_BATCH = 50;
    static final Duration INGEST_WINDOW = Duration.ofSeconds(10);
    static final int ALERT_ROUNDS = 30;
    static final int ALERTS_PER_ROUND = 2;
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    private NodesBench() {
    }

    static boolean run() throws Exception {
        try (TwoNodes centre = TwoNodes.startFirst(false, EventServiceNode.MEASURED)) {
            List<String> cameras = NodesLoad.addCameras(centre.db, CAMERAS);
            NodesLoad load = new NodesLoad(centre, cameras);
            load.ingest(List.of(centre.a), INGEST_BATCH, Duration.ofSeconds(3)); // warm-up, not counted
            double one = load.ingest(List.of(centre.a), INGEST_BATCH, INGEST_WINDOW);
            centre.startB();
            load.ingest(List.of(centre.b), INGEST_BATCH, Duration.ofSeconds(3));
            double two = load.ingest(List.of(centre.a, centre.b), INGEST_BATCH, INGEST_WINDOW);
            System.out.printf("ingest, %d gateways, batches of %d, %d cameras: 1 node %,.0f events/s, 2 nodes %,.0f events/s (x %.2f)%n",
                    GATEWAYS, INGEST_BATCH, CAMERAS, one, two, two / one);

            NodeMemory before = NodeMemory.of(centre.b);
            WebSession operator = WebSession.login(centre.a.base(), "operator", "operator-demo");
            List<FollowedStream> streams = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                streams.add(new FollowedStream(centre, operator, i % 2 == 0 ? centre.a : centre.b));
            }
            try {
                Waiting.until(() -> streams.stream().allMatch(s -> !s.received("hello").isEmpty()), Duration.ofSeconds(30));
                NodeMemory after = NodeMemory.of(centre.b);
                int onB = CLIENTS / 2;
                System.out.printf("memory per SSE client on node B (%d streams): heap %.1f KiB, RSS %.1f KiB (heap %,d -> %,d KiB, RSS %,d -> %,d KiB)%n",
                        onB, (after.heapKib() - before.heapKib()) / (double) onB, (after.rssKib() - before.rssKib()) / (double) onB,
                        before.heapKib(), after.heapKib(), before.rssKib(), after.rssKib());
                return fanOut(centre, load, streams);
            } finally {
                streams.forEach(FollowedStream::close);
            }
        }
    }

    /** Alerts from all gateways to all streams; node A killed after a third of the rounds. */
    private static boolean fanOut(TwoNodes centre, NodesLoad load, List<FollowedStream> streams) throws Exception {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        AtomicInteger rounds = new AtomicInteger();
        AtomicLong killedAtMillis = new AtomicLong(Long.MAX_VALUE);
        Thread alerts = new Thread(() -> load.alerts(ALERT_ROUNDS, ALERTS_PER_ROUND, Duration.ofMillis(300), sentAt, rounds),
                "alert-gateways");
        alerts.start();
        Waiting.until(() -> rounds.get() >= ALERT_ROUNDS / 3, Duration.ofSeconds(60));
        centre.a.kill();
        killedAtMillis.set(System.currentTimeMillis());
        int reconnected = 0;
        while (alerts.isAlive()) {
            for (FollowedStream s : streams) {
                reconnected += s.reconnectIfBroken() ? 1 : 0;
            }
            Thread.sleep(100);
        }
        List<String> raised = centre.db.queryForList("SELECT event_id::text FROM alert WHERE event_id = ANY (?::uuid[])",
                String.class, (Object) sentAt.keySet().toArray(String[]::new));
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (Instant.now().isBefore(deadline) && !FanOutFigures.allGot(streams, raised)) {
            for (FollowedStream s : streams) {
                reconnected += s.reconnectIfBroken() ? 1 : 0;
            }
            Thread.sleep(200);
        }
        FanOutFigures figures = FanOutFigures.of(streams, raised, sentAt, Instant.ofEpochMilli(killedAtMillis.get()));
        System.out.printf("fan-out, %d streams over 2 nodes, %d alerts raised, node A killed after round %d: %d streams reconnected%n",
                streams.size(), raised.size(), ALERT_ROUNDS / 3, reconnected);
        System.out.println(figures);
        System.out.println("(the machine is shared with other work; the gateways, the 200 clients and both nodes share its 2 cores)");
        return figures.missed() == 0 && figures.duplicated() == 0;
    }
}
