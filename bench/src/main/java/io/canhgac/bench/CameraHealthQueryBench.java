package io.canhgac.bench;

import io.canhgac.event.health.CameraHealthProbe;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/**
 * The camera page's health read (GET /api/cameras/{id}/health) on a large event table, with the
 * migrated indexes and without V5's partial index of status changes, to see whether the page needs
 * an index of its own. Its slow case would be a camera whose status has not changed for months while
 * motion events pile up: the status it carries into the week is found only after walking back over
 * them. Events as IncidentLogQueryBench loads them (CANHGAC_BENCH_EVENTS, 3 s apart); one camera has
 * kept the status it had on the first day.
 */
final class CameraHealthQueryBench {

    /** V5's partial index of status changes (CAMERA_ONLINE, CAMERA_OFFLINE), made for the daily report. */
    static final String HEALTH_INDEX = "camera_event_health_idx";
    static final int MAX_RUNS = 30;
    static final Duration SHAPE_BUDGET = Duration.ofSeconds(4);

    private CameraHealthQueryBench() {
    }

    static boolean run() throws Exception {
        long events = IncidentLogQueryBench.EVENTS;
        try (InProcessEventService service = InProcessEventService.start("bench-" + UUID.randomUUID())) {
            JdbcTemplate jdbc = service.jdbc();
            CameraHealthProbe probe = new CameraHealthProbe(service.context());
            List<String> cameras = jdbc.queryForList("SELECT id FROM camera ORDER BY id", String.class);
            String stable = cameras.get(0);
            List<String> others = cameras.subList(1, cameras.size());

            Map<String, String> migrated = new LinkedHashMap<>();
            jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'camera_event' AND indexname <> 'camera_event_pkey' ORDER BY indexname",
                    (ResultSet rs) -> {
                        migrated.put(rs.getString(1), rs.getString(2));
                    });
            List<String> log = new ArrayList<>();
            try (Connection admin = service.dataSource().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("SET maintenance_work_mem = '512MB'");
                for (String index : migrated.keySet()) {
                    sql.execute("DROP INDEX " + index);
                }
                long t0 = System.nanoTime();
                for (long from = 1; from <= events; from += IncidentLogQueryBench.CHUNK) {
                    sql.executeUpdate(IncidentLogQueryBench.load(from, Math.min(events, from + IncidentLogQueryBench.CHUNK - 1)));
                }
                // the stable camera: online since the first day, never a status change since
                sql.executeUpdate("DELETE FROM camera_event WHERE camera_id = '" + stable + "' AND type IN ('CAMERA_ONLINE', 'CAMERA_OFFLINE')");
                sql.executeUpdate("INSERT INTO camera_event (id, camera_id, type, occurred_at, status) VALUES ('" + UUID.randomUUID()
                        + "', '" + stable + "', 'CAMERA_ONLINE', (SELECT min(occurred_at) FROM camera_event), 'ONLINE')");
                for (Map.Entry<String, String> index : migrated.entrySet()) {
                    sql.execute(index.getValue());
                }
                sql.execute("ANALYZE camera_event");
                log.add(String.format("loaded %,d events and built the migrated indexes %s in %.0f s; %,d events of %s, the stable camera",
                        events, migrated.keySet(), (System.nanoTime() - t0) / 1e9,
                        jdbc.queryForObject("SELECT count(*) FROM camera_event WHERE camera_id = ?", Long.class, stable), stable));
            }

            SplittableRandom random = new SplittableRandom(13);
            Map<String, Function<SplittableRandom, Integer>> shapes = new LinkedHashMap<>();
            shapes.put("stable camera, 7 days", r -> probe.health(stable, IncidentLogQueryBench.NEWEST, 7));
            shapes.put("stable camera, 31 days", r -> probe.health(stable, IncidentLogQueryBench.NEWEST, 31));
            shapes.put("any other camera, 7 days", r -> probe.health(others.get(r.nextInt(others.size())), IncidentLogQueryBench.NEWEST, 7));
            shapes.put("any other camera, 31 days", r -> probe.health(others.get(r.nextInt(others.size())), IncidentLogQueryBench.NEWEST, 31));

            Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
            log.add(HEALTH_INDEX + ": " + migrated.get(HEALTH_INDEX) + ", "
                    + jdbc.queryForObject("SELECT pg_size_pretty(pg_relation_size(?::regclass))", String.class, HEALTH_INDEX));
            for (boolean withIndex : new boolean[]{true, false}) {
                if (!withIndex) {
                    jdbc.execute("DROP INDEX " + HEALTH_INDEX);
                }
                service.dataSource().getHikariPoolMXBean().softEvictConnections(); // fresh plans for the new index set
                Map<String, double[]> byShape = new LinkedHashMap<>();
                for (Map.Entry<String, Function<SplittableRandom, Integer>> shape : shapes.entrySet()) {
                    shape.getValue().apply(random); // warm-up: the pages this shape reads
                    List<Double> ms = new ArrayList<>();
                    long budgetEnd = System.nanoTime() + SHAPE_BUDGET.toNanos();
                    while (ms.size() < MAX_RUNS && System.nanoTime() < budgetEnd) {
                        long t0 = System.nanoTime();
                        shape.getValue().apply(random);
                        ms.add((System.nanoTime() - t0) / 1e6);
                    }
                    byShape.put(shape.getKey(), ms.stream().mapToDouble(Double::doubleValue).sorted().toArray());
                }
                results.put(withIndex ? "as migrated " + migrated.keySet() : "without " + HEALTH_INDEX + " (V5)", byShape);
            }

            System.out.println();
            System.out.printf("Camera health read, %s, %d cores, %,d events over %d cameras%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), events, cameras.size());
            log.forEach(System.out::println);
            for (Map.Entry<String, Map<String, double[]>> variant : results.entrySet()) {
                System.out.println();
                System.out.println("Indexes: " + variant.getKey());
                System.out.println("| shape | runs | p50 ms | p95 ms | max ms |");
                System.out.println("|---|---|---|---|---|");
                variant.getValue().forEach((shape, ms) -> System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n",
                        shape, ms.length, pct(ms, 50), pct(ms, 95), ms[ms.length - 1]));
            }
            System.out.flush();
            return true;
        }
    }

    static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
