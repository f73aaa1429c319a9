package io.canhgac.bench;

import io.canhgac.contract.EventType;
import io.canhgac.event.events.EventRepository;
import io.canhgac.event.user.CommuneScope;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issue 6's query target: with 10 M events stored, the p95 of a commune head's incident-log page
 * (EventRepository.find, newest first, 100 rows, optionally by camera, type and time range), for
 * several index sets on camera_event, measured one after the other on the same data. Target: at
 * most 20 ms for every query shape. The index set the migrations create is one of the variants.
 */
final class IncidentLogQueryBench {

    /** CANHGAC_BENCH_EVENTS overrides, for a quick trial run. */
    static final long EVENTS = Long.parseLong(System.getenv().getOrDefault("CANHGAC_BENCH_EVENTS", "10000000"));
    static final long CHUNK = 1_000_000;
    static final Instant NEWEST = Instant.parse("2026-11-22T00:00:00Z");
    /** Seconds between two events of the district: 10 M events are then about 347 days. */
    static final int SPACING_SECONDS = 3;
    static final int PAGE = 100;
    static final int MAX_RUNS = 30;
    static final Duration SHAPE_BUDGET = Duration.ofSeconds(4);
    static final int TIMEOUT_MS = 5000;

    record Camera(String id, String commune) {
    }

    /** One page request: the commune head's scope and the filters. */
    record Page(String commune, String camera, EventType type, Instant from, Instant to) {
    }

    interface Shape {
        Page next(SplittableRandom random);
    }

    private IncidentLogQueryBench() {
    }

    static boolean run() throws Exception {
        try (InProcessEventService service = InProcessEventService.start("bench-" + UUID.randomUUID())) {
            JdbcTemplate jdbc = service.jdbc();
            EventRepository events = service.bean(EventRepository.class);
            List<Camera> cameras = jdbc.query("SELECT id, commune_id FROM camera ORDER BY id", (rs, n) -> new Camera(rs.getString(1), rs.getString(2)));
            List<String> communes = cameras.stream().map(Camera::commune).distinct().sorted().toList();

            Map<String, String> migrated = new LinkedHashMap<>();
            jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'camera_event' AND indexname <> 'camera_event_pkey' ORDER BY indexname",
                    (ResultSet rs) -> {
                        migrated.put(rs.getString(1), rs.getString(2));
                    });
            Map<String, Map<String, String>> variants = new LinkedHashMap<>();
            variants.put("V1: (occurred_at DESC), (camera_id, occurred_at DESC)", Map.of(
                    "camera_event_occurred_idx", "CREATE INDEX camera_event_occurred_idx ON camera_event (occurred_at DESC)",
                    "camera_event_camera_occurred_idx", "CREATE INDEX camera_event_camera_occurred_idx ON camera_event (camera_id, occurred_at DESC)"));
            variants.put("V1 + (type, occurred_at DESC, camera_id)", Map.of(
                    "camera_event_occurred_idx", "CREATE INDEX camera_event_occurred_idx ON camera_event (occurred_at DESC)",
                    "camera_event_camera_occurred_idx", "CREATE INDEX camera_event_camera_occurred_idx ON camera_event (camera_id, occurred_at DESC)",
                    "camera_event_type_occurred_idx", "CREATE INDEX camera_event_type_occurred_idx ON camera_event (type, occurred_at DESC, camera_id)"));
            variants.put("as migrated (V1..V6): " + migrated.keySet(), migrated);

            List<String> log = new ArrayList<>();
            try (Connection admin = service.dataSource().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("SET maintenance_work_mem = '512MB'");
                for (String index : migrated.keySet()) {
                    sql.execute("DROP INDEX " + index);
                }
                long t0 = System.nanoTime();
                for (long from = 1; from <= EVENTS; from += CHUNK) {
                    sql.executeUpdate(load(from, Math.min(EVENTS, from + CHUNK - 1)));
                    System.out.printf("loaded %,d events, %.0f s%n", Math.min(EVENTS, from + CHUNK - 1), (System.nanoTime() - t0) / 1e9);
                    System.out.flush();
                }
                sql.execute("ANALYZE camera_event");
                log.add(String.format("loaded %,d events with generate_series (+ ANALYZE) in %.0f s; table %s",
                        EVENTS, (System.nanoTime() - t0) / 1e9, size(jdbc, "camera_event")));
            }
            // a runaway query (a bad plan) costs at most this; it counts as that long
            jdbc.execute("ALTER ROLE CURRENT_USER SET statement_timeout = " + TIMEOUT_MS);
            service.dataSource().getHikariPoolMXBean().softEvictConnections();

            Map<String, Shape> shapes = shapes(cameras, communes);
            Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
            Map<String, String> present = new LinkedHashMap<>();
            List<TreeSet<String>> measured = new ArrayList<>();
            for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                TreeSet<String> names = new TreeSet<>(variant.getValue().keySet());
                if (measured.contains(names)) {
                    log.add("variant '" + variant.getKey() + "' is the same index set as one measured above");
                    continue;
                }
                measured.add(names);
                try (Connection admin = service.dataSource().getConnection(); Statement sql = admin.createStatement()) {
                    sql.execute("SET maintenance_work_mem = '512MB'");
                    sql.execute("SET statement_timeout = 0");
                    for (String index : new ArrayList<>(present.keySet())) {
                        if (!variant.getValue().containsKey(index)) {
                            sql.execute("DROP INDEX " + index);
                            present.remove(index);
                        }
                    }
                    for (Map.Entry<String, String> index : variant.getValue().entrySet()) {
                        if (!present.containsKey(index.getKey())) {
                            long t0 = System.nanoTime();
                            sql.execute(index.getValue());
                            present.put(index.getKey(), index.getValue());
                            log.add(String.format("built %s in %.0f s (%s)", index.getKey(), (System.nanoTime() - t0) / 1e9,
                                    size(jdbc, index.getKey())));
                        }
                    }
                }
                service.dataSource().getHikariPoolMXBean().softEvictConnections(); // fresh plans for the new index set
                results.put(variant.getKey(),
                        measure(shapes, p -> events.find(CommuneScope.only(p.commune()), p.camera(), p.type(), p.from(), p.to(), PAGE)));
            }

            System.out.println();
            System.out.printf("Incident-log page query, %s, %d cores, %,d events over %d cameras in %d communes, page of %d%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), EVENTS, cameras.size(), communes.size(), PAGE);
            log.forEach(System.out::println);
                for (Map.Entry<String, Map<String, double[]>> variant : results.entrySet()) {
                System.out.println();
                System.out.println("Indexes " + variant.getKey());
                System.out.println("| query shape (commune head's scope) | runs | p50 ms | p95 ms | max ms |");
                System.out.println("|---|---|---|---|---|");
                double worst = 0;
                for (Map.Entry<String, double[]> shape : variant.getValue().entrySet()) {
                    double[] ms = shape.getValue();
                    System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", shape.getKey(), ms.length, pct(ms, 50), pct(ms, 95), ms[ms.length - 1]);
                    worst = Math.max(worst, pct(ms, 95));
                }
                System.out.printf("worst p95 %.1f ms (target <= 20 ms): %s%n", worst, worst <= 20 ? "met" : "NOT met");
                System.out.flush();
            }
            System.out.println();
            explain(jdbc, shapes, cameras);
            jdbc.execute("ALTER ROLE CURRENT_USER RESET statement_timeout");
            return true;
        }
    }

    /** Rows i in [from, to]: a camera at random, mostly gateway motion, some camera-sourced and health events. */
    static String load(long from, long to) {
        return """
                INSERT INTO camera_event (id, camera_id, type, occurred_at, score, status, gateway_id)
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                       c.ids[1 + floor(random() * c.n)::int],
                       t.type,
                       timestamptz '%s' - (%d - i) * interval '%d seconds',
                       CASE WHEN t.type LIKE 'MOTION%%' THEN round(random()::numeric * 0.5, 3) END,
                       CASE t.type WHEN 'CAMERA_OFFLINE' THEN 'OFFLINE' WHEN 'CAMERA_ONLINE' THEN 'ONLINE' END,
                       (SELECT id FROM gateway WHERE name = 'district')
                FROM generate_series(%d::bigint, %d::bigint) AS i,
                     (SELECT array_agg(id ORDER BY id) AS ids, count(*) AS n FROM camera) AS c,
                     LATERAL (SELECT CASE
                         WHEN i %% 1000 = 1 THEN 'CAMERA_TAMPER_START'
                         WHEN i %% 1000 = 2 THEN 'CAMERA_TAMPER_END'
                         WHEN i %% 2000 = 3 THEN 'CAMERA_OFFLINE'
                         WHEN i %% 2000 = 1003 THEN 'CAMERA_ONLINE'
                         WHEN i %% 50 = 4 THEN 'CAMERA_MOTION_START'
                         WHEN i %% 50 = 5 THEN 'CAMERA_MOTION_END'
                         WHEN i %% 2 = 0 THEN 'MOTION_START'
                         ELSE 'MOTION_END' END AS type) AS t""".formatted(NEWEST, EVENTS, SPACING_SECONDS, from, to);
    }

    static Map<String, Shape> shapes(List<Camera> cameras, List<String> communes) {
        long spanDays = EVENTS * SPACING_SECONDS / 86_400;
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("newest page", r -> new Page(pick(communes, r), null, null, null, null));
        shapes.put("one camera", r -> {
            Camera c = pick(cameras, r);
            return new Page(c.commune(), c.id(), null, null, null);
        });
        shapes.put("type MOTION_START (46 %)", r -> new Page(pick(communes, r), null, EventType.MOTION_START, null, null));
        shapes.put("type CAMERA_TAMPER_START (0.1 %)", r -> new Page(pick(communes, r), null, EventType.CAMERA_TAMPER_START, null, null));
        shapes.put("one day, months back", r -> {
            Instant from = NEWEST.minus(Duration.ofDays(1 + r.nextLong(spanDays - 1)));
            return new Page(pick(communes, r), null, null, from, from.plus(Duration.ofDays(1)));
        });
        shapes.put("camera + type CAMERA_OFFLINE (0.05 %)", r -> {
            Camera c = pick(cameras, r);
            return new Page(c.commune(), c.id(), EventType.CAMERA_OFFLINE, null, null);
        });
        shapes.put("type CAMERA_TAMPER_START + one week", r -> {
            Instant from = NEWEST.minus(Duration.ofDays(7 + r.nextLong(spanDays - 7)));
            return new Page(pick(communes, r), null, EventType.CAMERA_TAMPER_START, from, from.plus(Duration.ofDays(7)));
        });
        shapes.put("camera + MOTION_START + one day", r -> {
            Camera c = pick(cameras, r);
            Instant from = NEWEST.minus(Duration.ofDays(1 + r.nextLong(spanDays - 1)));
            return new Page(c.commune(), c.id(), EventType.MOTION_START, from, from.plus(Duration.ofDays(1)));
        });
        shapes.put("another commune's camera (empty)", r -> {
            Camera c = pick(cameras, r);
            String other = communes.get((communes.indexOf(c.commune()) + 1) % communes.size());
            return new Page(other, c.id(), null, null, null);
        });
        return shapes;
    }

    interface Query {
        void run(Page page);
    }

    /** Milliseconds per call, sorted; a timed-out call counts as the timeout. */
    static Map<String, double[]> measure(Map<String, Shape> shapes, Query query) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
            SplittableRandom random = new SplittableRandom(shape.getKey().hashCode());
            for (int w = 0; w < 2; w++) {
                call(query, shape.getValue().next(random)); // warm-up: connection, plan cache, buffers
            }
            List<Double> ms = new ArrayList<>();
            long deadline = System.nanoTime() + SHAPE_BUDGET.toNanos();
            while (ms.size() < MAX_RUNS && (ms.size() < 3 || System.nanoTime() < deadline)) {
                ms.add(call(query, shape.getValue().next(random)));
            }
            out.put(shape.getKey(), ms.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }
        return out;
    }

    private static double call(Query query, Page p) {
        long t0 = System.nanoTime();
        try {
            query.run(p);
        } catch (DataAccessException timedOut) {
            return TIMEOUT_MS;
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The plans PostgreSQL chooses with the last index set, for the record (same SQL as EventRepository.find). */
    private static void explain(JdbcTemplate jdbc, Map<String, Shape> shapes, List<Camera> cameras) {
        for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
            Page p = shape.getValue().next(new SplittableRandom(7));
            if (p.camera() != null && !cameras.contains(new Camera(p.camera(), p.commune()))) {
                System.out.println("EXPLAIN " + shape.getKey() + ": no page query (the camera is not in scope)");
                continue;
            }
            StringBuilder sql = new StringBuilder("""
                    EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.*, c.name AS camera_name, c.commune_id, m.name AS commune_name
                    FROM camera_event e JOIN camera c ON c.id = e.camera_id JOIN commune m ON m.id = c.commune_id
                    WHERE c.commune_id = ANY ('{%s}')""".formatted(p.commune()));
            if (p.camera() != null) {
                sql.append(" AND e.camera_id = '").append(p.camera()).append("'");
            }
            if (p.type() != null) {
                sql.append(" AND e.type = '").append(p.type()).append("'");
            }
            if (p.from() != null) {
                sql.append(" AND e.occurred_at >= '").append(p.from()).append("' AND e.occurred_at < '").append(p.to()).append("'");
            }
            sql.append(" ORDER BY e.occurred_at DESC, e.id LIMIT ").append(PAGE);
            System.out.println("EXPLAIN " + shape.getKey() + ":");
            jdbc.queryForList(sql.toString(), String.class).forEach(line -> System.out.println("    " + line));
        }
    }

    private static String size(JdbcTemplate jdbc, String relation) {
        return jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size(?::regclass))", String.class, relation);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
