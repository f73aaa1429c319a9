package io.canhgac.bench;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.DistrictInventoryLoader;
import io.canhgac.event.gateway.GatewayRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Issue 6's ingest target, both sides in one run against the same embedded PostgreSQL and the same
 * table: events per second through the real HTTP ingest API (JSON batches, several gateways at
 * once, each with its own token) divided by a raw JDBC batch insert of the same rows with the same
 * concurrency, batch size and one transaction per batch. Target: ratio at least 0.5 and at least
 * 10,000 events/s. Rounds alternate between the two sides, so drift in the machine's load hits both.
 */
final class EventIngestBench {

    static final int GATEWAYS = 4;
    static final int BATCH = 500;
    static final int ROUND_EVENTS = 100_000;
    static final int WARMUP_EVENTS = 40_000;
    static final int ROUNDS = 3;

    /** One event's columns, as a gateway would send it. */
    record Row(UUID id, String camera, String type, Instant at, Double score) {
        String json() {
            return "{\"id\":\"" + id + "\",\"cameraId\":\"" + camera + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                    + "\",\"score\":" + score + "}";
        }

        Row withNewId() {
            return new Row(UUID.randomUUID(), camera, type, at, score);
        }
    }

    private EventIngestBench() {
    }

    static boolean run() throws Exception {
        List<String> cameras = new DistrictInventoryLoader().loadDemo().cameras().stream().map(CameraSpec::id).toList();
        try (InProcessEventService service = InProcessEventService.start("bench-" + UUID.randomUUID())) {
            GatewayRegistry registry = service.bean(GatewayRegistry.class);
            List<String> tokens = new ArrayList<>();
            for (int g = 0; g < GATEWAYS; g++) {
                tokens.add(registry.register("bench-gw-" + g, "bench", "127.0.0.1").orElseThrow().token());
            }
            UUID gatewayId = service.jdbc().queryForObject("SELECT id FROM gateway WHERE name = 'bench-gw-0'", UUID.class);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String url = service.baseUrl() + "/api/ingest/events";
            String jdbcUrl = service.dataSource().getJdbcUrl();
            String user = service.dataSource().getUsername();
            Instant start = Instant.parse("2026-11-22T00:00:00Z");

            // warm-up of both paths (JIT, connection pools, caches); not counted
            viaApi(http, url, tokens, events(cameras, WARMUP_EVENTS, start, 1));
            viaJdbc(jdbcUrl, user, false, gatewayId, renumbered(events(cameras, WARMUP_EVENTS, start, 1)));

            List<Double> api = new ArrayList<>();
            List<Double> jdbc = new ArrayList<>();
            List<Double> jdbcRewritten = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<List<Row>> batches = events(cameras, ROUND_EVENTS, start.plusSeconds(86_400L * (round + 1)), 100 + round);
                api.add(viaApi(http, url, tokens, batches));
                jdbc.add(viaJdbc(jdbcUrl, user, false, gatewayId, renumbered(batches)));
                jdbcRewritten.add(viaJdbc(jdbcUrl, user, true, gatewayId, renumbered(batches)));
            }
            long stored = service.jdbc().queryForObject("SELECT count(*) FROM camera_event", Long.class);
            long alerts = service.jdbc().queryForObject("SELECT count(*) FROM alert", Long.class);
            long expected = 2L * WARMUP_EVENTS + 3L * ROUNDS * ROUND_EVENTS; // warm-up: API and JDBC; rounds: API and two JDBC
            boolean complete = stored == expected;

            double apiRate = median(api);
            double jdbcRate = median(jdbc);
            System.out.println();
            System.out.printf("Event ingest benchmark, %s, %d cores, %d gateways x batches of %d, %d rounds of %,d events per side%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), GATEWAYS, BATCH, ROUNDS, ROUND_EVENTS);
            System.out.println("| measure | rounds (events/s) | median |");
            System.out.println("|---|---|---|");
            System.out.printf("| HTTP ingest API (JSON, per-gateway token, per-event answer, alerts raised) | %s | **%,.0f** |%n", list(api), apiRate);
            System.out.printf("| raw JDBC batch insert, same rows (addBatch/executeBatch) | %s | %,.0f |%n", list(jdbc), jdbcRate);
            System.out.printf("| raw JDBC, reWriteBatchedInserts=true (for reference) | %s | %,.0f |%n", list(jdbcRewritten), median(jdbcRewritten));
            System.out.printf("| ratio API / raw JDBC | | **%.2f** (target >= 0.5) |%n", apiRate / jdbcRate);
            System.out.printf("| rows stored / expected | | %,d / %,d; %,d alerts raised by the API side |%n", stored, expected, alerts);
            System.out.printf("Targets: ratio >= 0.5: %s; >= 10,000 events/s: %s%n",
                    apiRate / jdbcRate >= 0.5 ? "met" : "NOT met", apiRate >= 10_000 ? "met" : "NOT met");
            return complete;
        }
    }

    /** Motion starts and ends, as a detecting gateway sends them, spread over the district's cameras. */
    static List<List<Row>> events(List<String> cameras, int count, Instant from, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Row>> batches = new ArrayList<>();
        List<Row> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < count; i++) {
            String type = i % 2 == 0 ? "MOTION_START" : "MOTION_END";
            batch.add(new Row(UUID.randomUUID(), cameras.get(random.nextInt(cameras.size())), type,
                    from.plusMillis(i * 50L), Math.round(random.nextDouble(0.01, 0.5) * 1000) / 1000.0));
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    static List<List<Row>> renumbered(List<List<Row>> batches) {
        return batches.stream().map(b -> b.stream().map(Row::withNewId).toList()).toList();
    }

    /** Events per second through POST /api/ingest/events, the batches shared among the gateways. */
    static double viaApi(HttpClient http, String url, List<String> tokens, List<List<Row>> batches) throws Exception {
        List<String> bodies = batches.stream()
                .map(b -> "[" + String.join(",", b.stream().map(Row::json).toList()) + "]").toList(); // the gateway's work, not timed
        int events = batches.stream().mapToInt(List::size).sum();
        return timed(events, tokens.size(), g -> {
            for (int i = g; i < bodies.size(); i += tokens.size()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get(g))
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || !r.body().contains("STORED")) {
                    throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
                }
            }
        });
    }

    /** Events per second through plain JDBC batches: one connection per gateway, one transaction per batch. */
    static double viaJdbc(String jdbcUrl, String user, boolean rewrite, UUID gatewayId, List<List<Row>> batches) throws Exception {
        int events = batches.stream().mapToInt(List::size).sum();
        return timed(events, GATEWAYS, g -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                    + "reWriteBatchedInserts=" + rewrite, user, null)) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO camera_event (id, camera_id, type, occurred_at, score, status, detail, gateway_id)
                        VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)""")) {
                    for (int i = g; i < batches.size(); i += GATEWAYS) {
                        for (Row row : batches.get(i)) {
                            ps.setObject(1, row.id());
                            ps.setString(2, row.camera());
                            ps.setString(3, row.type());
                            ps.setTimestamp(4, Timestamp.from(row.at()));
                            ps.setDouble(5, row.score());
                            ps.setObject(6, gatewayId);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
        });
    }

    interface Worker {
        void run(int index) throws Exception;
    }

    private static double timed(int events, int workers, Worker work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int index = w;
                done.add(pool.submit(() -> {
                    work.run(index);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            return events / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format("%,.0f", v)).toList());
    }
}
