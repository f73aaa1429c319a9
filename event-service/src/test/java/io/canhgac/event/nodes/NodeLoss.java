package io.canhgac.event.nodes;

import io.canhgac.event.WebSession;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Browsers' streams spread over both nodes while gateways post motion to both; node A is killed a
 * third of the way through. Gateways re-send a failed batch to the node left (the load balancer's
 * job), streams reopen there with their Last-Event-ID. Bounded: so many batches of five events,
 * one every 100 ms per gateway, then at most 20 s for the streams to catch up.
 */
final class NodeLoss {

    /** What the browsers got; missedAfterReconnect counts those of streams that moved node. */
    record Outcome(int streams, int gateways, int events, int raised, int reconnected, int missed, int missedAfterReconnect,
                   int duplicated, Duration took) {
        @Override
        public String toString() {
            return "node loss: %d streams, %d gateways, %d events, %d alerts raised; %d streams reconnected;"
                    .formatted(streams, gateways, events, raised, reconnected)
                    + " %d alerts missed (%d by moved streams), %d duplicated, in %.1f s".formatted(missed,
                    missedAfterReconnect, duplicated, took.toMillis() / 1000.0);
        }
    }

    private static final int PER_BATCH = 5;
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private final TwoNodes centre;
    private final int streams;
    private final int gateways;
    private final int batches;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posted = new AtomicInteger();

    NodeLoss(TwoNodes centre, int streams, int gateways, int batches) {
        this.centre = centre;
        this.streams = streams;
        this.gateways = gateways;
        this.batches = batches;
    }

    Outcome run() throws Exception {
        Instant start = Instant.now();
        List<String> cameras = centre.db.queryForList("SELECT id FROM camera ORDER BY id", String.class);
        WebSession operator = WebSession.login(centre.a.base(), "operator", "operator-demo");
        List<FollowedStream> followed = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            followed.add(new FollowedStream(centre, operator, i % 2 == 0 ? centre.a : centre.b));
        }
        try {
            Waiting.until(() -> followed.stream().allMatch(f -> !f.received("hello").isEmpty()), Duration.ofSeconds(10));
            List<Thread> senders = new ArrayList<>();
            for (int g = 0; g < gateways; g++) {
                EventServiceNode home = g % 2 == 0 ? centre.a : centre.b;
                int gateway = g;
                Thread sender = new Thread(() -> send(home, cameras, gateway), "gateway-" + g);
                sender.start();
                senders.add(sender);
            }
            int killAt = gateways * batches / 3;
            Waiting.until(() -> posted.get() >= killAt, Duration.ofSeconds(30));
            centre.a.kill();
            int[] reconnected = {0};
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (senders.stream().anyMatch(Thread::isAlive) && Instant.now().isBefore(deadline)) {
                followed.forEach(f -> reconnected[0] += f.reconnectIfBroken() ? 1 : 0);
                Thread.sleep(100);
            }
            Set<String> raised = new HashSet<>(centre.db.queryForList(
                    "SELECT event_id::text FROM alert WHERE event_id = ANY (?::uuid[])", String.class,
                    (Object) produced.toArray(String[]::new)));
            Instant catchUp = Instant.now().plus(CATCH_UP);
            while (Instant.now().isBefore(catchUp) && !followed.stream().allMatch(f -> got(f).containsAll(raised))) {
                followed.forEach(f -> reconnected[0] += f.reconnectIfBroken() ? 1 : 0);
                Thread.sleep(100);
            }
            int missed = 0;
            int missedAfterReconnect = 0;
            int duplicated = 0;
            for (FollowedStream f : followed) {
                List<String> got = TwoNodesTest.eventIds(f.received("alert"), "alert");
                Set<String> distinct = new HashSet<>(got);
                duplicated += got.size() - distinct.size();
                int lost = (int) raised.stream().filter(id -> !distinct.contains(id)).count();
                missed += lost;
                missedAfterReconnect += f.connections() > 1 ? lost : 0;
            }
            return new Outcome(streams, gateways, produced.size(), raised.size(), reconnected[0], missed, missedAfterReconnect,
                    duplicated, Duration.between(start, Instant.now()));
        } finally {
            followed.forEach(FollowedStream::close);
        }
    }

    private static Set<String> got(FollowedStream f) {
        return new HashSet<>(TwoNodesTest.eventIds(f.received("alert"), "alert"));
    }

    /** One gateway: batches to its home node while it lives, then to the other; a failed batch is re-sent. */
    private void send(EventServiceNode home, List<String> cameras, int gateway) {
        for (int n = 0; n < batches; n++) {
            List<String> batch = new ArrayList<>();
            for (int k = 0; k < PER_BATCH; k++) {
                UUID id = UUID.randomUUID();
                produced.add(id.toString());
                batch.add(TwoNodesTest.motion(id, cameras.get((gateway * 7 + n * PER_BATCH + k) % cameras.size())));
            }
            String body = "[" + String.join(",", batch) + "]";
            for (int attempt = 0; !centre.alive(home).ingest(http, body); attempt++) {
                if (attempt == 20) {
                    throw new AssertionError("gateway " + gateway + " could not deliver a batch");
                }
                Waiting.pause(100);
            }
            posted.incrementAndGet();
            Waiting.pause(100);
        }
    }
}
