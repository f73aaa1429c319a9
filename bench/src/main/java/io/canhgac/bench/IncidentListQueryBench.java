package io.canhgac.bench;

import io.canhgac.event.incident.IncidentLogProbe;
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
import java.util.UUID;

/**
 * Issue 6's query target for the page commune heads actually open: the incident log
 * (GET /api/incidents, IncidentRepository.find, newest first, 100 rows), with the 10 M events of
 * {@link IncidentLogQueryBench} stored and alerts and incidents on the last 90 days of them.
 * Measured district-wide and in one commune's scope, with and without a status, first and deep
 * page. Target: p95 at most 20 ms for every shape.
 */
final class IncidentListQueryBench {

    static final long EVENTS = IncidentLogQueryBench.EVENTS;
    static final Instant NEWEST = IncidentLogQueryBench.NEWEST;
    /** Alerts and incidents lie in the last 90 days of events (fewer days in a small trial run). */
    static final long DAYS = Math.min(90, EVENTS * IncidentLogQueryBench.SPACING_SECONDS / 86_400);
    /** Every 26th event in the window raising an alert (when a MOTION_START) gives about 100 k alerts. */
    static final int ALERT_EVERY = 26;
    static final int PAGE = 100;
    static final int MAX_RUNS = 200;
    static final Duration SHAPE_BUDGET = Duration.ofSeconds(5);
    static final int TIMEOUT_MS = 5000;

    /** One GET /api/incidents: the reader's scope and the filters. */
    record ListPage(CommuneScope scope, String status, Instant before) {
    }

    interface Shape {
        ListPage next(SplittableRandom random);
    }

    private IncidentListQueryBench() {
    }

    static boolean run() throws Exception {
        try (InProcessEventService service = InProcessEventService.start("bench-" + UUID.randomUUID())) {
            JdbcTemplate jdbc = service.jdbc();
            IncidentLogProbe probe = new IncidentLogProbe(service.context(), service.dataSource());
            List<String> communes = jdbc.queryForList("SELECT DISTINCT commune_id FROM camera ORDER BY 1", String.class);
            List<String> log = new ArrayList<>();
            load(service, jdbc, log);

            // a runaway query (a bad plan) costs at most this; it counts as that long
            jdbc.execute("ALTER ROLE CURRENT_USER SET statement_timeout = " + TIMEOUT_MS);
            service.dataSource().getHikariPoolMXBean().softEvictConnections();

            Map<String, Shape> shapes = shapes(communes);
            Map<String, double[]> ms = new LinkedHashMap<>();
            Map<String, Double> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
                SplittableRandom random = new SplittableRandom(shape.getKey().hashCode());
                for (int w = 0; w < 5; w++) {
                    ListPage p = shape.getValue().next(random); // warm-up: connection, prepared statement, buffers
                    probe.page(p.scope(), p.status(), p.before(), PAGE);
                }
                List<Double> times = new ArrayList<>();
                long returned = 0;
                long deadline = System.nanoTime() + SHAPE_BUDGET.toNanos();
                while (times.size() < MAX_RUNS && (times.size() < 20 || System.nanoTime() < deadline)) {
                    ListPage p = shape.getValue().next(random);
                    long t0 = System.nanoTime();
                    try {
                        returned += probe.page(p.scope(), p.status(), p.before(), PAGE);
                        times.add((System.nanoTime() - t0) / 1e6);
                    } catch (DataAccessException timedOut) {
                        times.add((double) TIMEOUT_MS);
                    }
                }
                ms.put(shape.getKey(), times.stream().mapToDouble(Double::doubleValue).sorted().toArray());
                rows.put(shape.getKey(), (double) returned / times.size());
            }

            System.out.println();
            System.out.printf("Incident list page (GET /api/incidents), %s, %d cores, %,d events, page of %d%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), EVENTS, PAGE);
            log.forEach(System.out::println);
            System.out.println("| query shape | runs | rows/page | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            double worst = 0;
            for (Map.Entry<String, double[]> shape : ms.entrySet()) {
                double[] t = shape.getValue();
                System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.1f |%n", shape.getKey(), t.length, rows.get(shape.getKey()),
                        pct(t, 50), pct(t, 95), t[t.length - 1]);
                worst = Math.max(worst, pct(t, 95));
            }
            System.out.printf("worst p95 %.1f ms (target <= 20 ms): %s%n", worst, worst <= 20 ? "met" : "NOT met");
            System.out.println();
            explain(jdbc, probe, shapes);
            System.out.flush();
            jdbc.execute("ALTER ROLE CURRENT_USER RESET statement_timeout");
            return true;
        }
    }

    /** The events as the incident-log bench loads them, then alerts, incidents, their links and timelines. */
    private static void load(InProcessEventService service, JdbcTemplate jdbc, List<String> log) throws Exception {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'camera_event' AND indexname <> 'camera_event_pkey'",
                (ResultSet rs) -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                });
        try (Connection admin = service.dataSource().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("SET maintenance_work_mem = '512MB'");
            for (String index : indexes.keySet()) {
                sql.execute("DROP INDEX " + index); // loading without them is several times faster; rebuilt below
            }
            long t0 = System.nanoTime();
            for (long from = 1; from <= EVENTS; from += IncidentLogQueryBench.CHUNK) {
                long to = Math.min(EVENTS, from + IncidentLogQueryBench.CHUNK - 1);
                sql.executeUpdate(IncidentLogQueryBench.load(from, to));
                System.out.printf("loaded %,d events, %.0f s%n", to, (System.nanoTime() - t0) / 1e9);
                System.out.flush();
            }
            for (String def : indexes.values()) {
                sql.execute(def);
            }
            log.add(String.format("loaded %,d events and rebuilt %d indexes in %.0f s", EVENTS, indexes.size(), (System.nanoTime() - t0) / 1e9));

            t0 = System.nanoTime();
            long window = DAYS * 86_400 / IncidentLogQueryBench.SPACING_SECONDS;
            // event i has id ...-8000-<hex i> (see IncidentLogQueryBench.load); its alert ...-9000-<hex i>
            sql.executeUpdate("""
                    INSERT INTO alert (id, event_id, camera_id, kind, raised_at, state, handled_by, handled_at)
                    SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g.i), 12, '0'))::uuid, e.id, e.camera_id, e.type, e.occurred_at,
                           s.state, CASE WHEN s.state <> 'OPEN' THEN 'operator' END,
                           CASE WHEN s.state <> 'OPEN' THEN e.occurred_at + interval '4 minutes' END
                    FROM generate_series(%d::bigint, %d::bigint) AS g(i)
                         JOIN camera_event e ON e.id = ('00000000-0000-4000-8000-' || lpad(to_hex(g.i), 12, '0'))::uuid,
                         LATERAL (SELECT CASE WHEN e.occurred_at > timestamptz '%s' - interval '1 day' AND random() < 0.5 THEN 'OPEN'
                                              WHEN random() < 0.2 THEN 'FALSE_POSITIVE' ELSE 'ACKNOWLEDGED' END AS state) AS s
                    WHERE (g.i %% %d = 0 OR g.i %% 2000 = 3) -- a MOTION_START to sample, or an offline (see load)
                      AND ((g.i %% %d = 0 AND e.type = 'MOTION_START') OR e.type = 'CAMERA_OFFLINE')
                    """.formatted(EVENTS - window + 1, EVENTS, NEWEST, ALERT_EVERY, ALERT_EVERY));
            // an incident: 1 to 5 consecutive alerts of one commune (groups of 5 in raising order, the first 1..5 of each)
            sql.execute("""
                    CREATE TEMP TABLE bench_link AS
                    SELECT md5(commune_id || ':' || rn / 5)::uuid AS incident_id, id AS alert_id, commune_id, rn / 5 AS grp, raised_at
                    FROM (SELECT a.id, a.raised_at, c.commune_id,
                                 row_number() OVER (PARTITION BY c.commune_id ORDER BY a.raised_at, a.id) - 1 AS rn
                          FROM alert a JOIN camera c ON c.id = a.camera_id) AS numbered
                    WHERE rn % 5 <= abs(hashtext(commune_id || ':' || rn / 5)) % 5
                    """);
            // recent incidents are still being worked; old ones mostly closed, a few left open or investigating
            sql.executeUpdate("""
                    INSERT INTO incident (id, title, status, opened_by, opened_at, updated_at)
                    SELECT incident_id, 'Incident ' || commune_id || ' #' || grp,
                           CASE WHEN last > timestamptz '%1$s' - interval '2 days'
                                     THEN (ARRAY['OPEN', 'INVESTIGATING', 'RESOLVED'])[1 + floor(r * 3)::int]
                                WHEN last > timestamptz '%1$s' - interval '14 days'
                                     THEN (ARRAY['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'])[1 + floor(r * 4)::int]
                                WHEN r < 0.02 THEN 'OPEN' WHEN r < 0.04 THEN 'INVESTIGATING' WHEN r < 0.1 THEN 'RESOLVED'
                                ELSE 'CLOSED' END,
                           'operator', last + interval '3 minutes', last + interval '2 hours'
                    FROM (SELECT incident_id, commune_id, grp, max(raised_at) AS last, random() AS r
                          FROM bench_link GROUP BY incident_id, commune_id, grp) AS g
                    """.formatted(NEWEST));
            sql.executeUpdate("""
                    INSERT INTO incident_alert (incident_id, alert_id, linked_by, linked_at)
                    SELECT l.incident_id, l.alert_id, 'operator', i.opened_at FROM bench_link l JOIN incident i ON i.id = l.incident_id
                    """);
            sql.executeUpdate("""
                    INSERT INTO incident_entry (incident_id, at, username, kind, detail, alert_id)
                    SELECT id, opened_at, opened_by, 'OPENED', title, NULL FROM incident
                    UNION ALL
                    SELECT incident_id, linked_at, linked_by, 'ALERT_LINKED', NULL, alert_id FROM incident_alert
                    """);
            sql.execute("DROP TABLE bench_link");
            // the steady state autovacuum reaches (visibility map set), rather than its run at a random moment mid-measurement
            sql.execute("VACUUM (ANALYZE) alert, incident, incident_alert, incident_commune, incident_entry");
            sql.execute("ANALYZE camera_event");
            log.add(String.format("then in %.0f s: %,d alerts, %,d incidents over %d days (%s), %,d incident-alert links; status counts %s",
                    (System.nanoTime() - t0) / 1e9, count(jdbc, "alert"), count(jdbc, "incident"), DAYS,
                    jdbc.queryForObject("SELECT string_agg(n, ', ') FROM (SELECT commune_id || ' ' || count(DISTINCT ia.incident_id) AS n"
                            + " FROM incident_alert ia JOIN alert a ON a.id = ia.alert_id JOIN camera c ON c.id = a.camera_id"
                            + " GROUP BY commune_id ORDER BY commune_id) x", String.class),
                    count(jdbc, "incident_alert"),
                    jdbc.queryForObject("SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) AS n FROM incident"
                            + " GROUP BY status ORDER BY status) x", String.class)));
        }
    }

    static Map<String, Shape> shapes(List<String> communes) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        String[] statuses = {"OPEN", "INVESTIGATING", "RESOLVED", "CLOSED"};
        shapes.put("district, newest page", r -> new ListPage(CommuneScope.REGION, null, null));
        shapes.put("district, status OPEN", r -> new ListPage(CommuneScope.REGION, "OPEN", null));
        shapes.put("district, status CLOSED", r -> new ListPage(CommuneScope.REGION, "CLOSED", null));
        shapes.put("district, deep page", r -> new ListPage(CommuneScope.REGION, null, deep(r)));
        shapes.put("district, any status + deep page", r -> new ListPage(CommuneScope.REGION, pick(statuses, r), deep(r)));
        shapes.put("commune head, newest page", r -> new ListPage(commune(communes, r), null, null));
        shapes.put("commune head, status OPEN", r -> new ListPage(commune(communes, r), "OPEN", null));
        shapes.put("commune head, status INVESTIGATING", r -> new ListPage(commune(communes, r), "INVESTIGATING", null));
        shapes.put("commune head, status CLOSED", r -> new ListPage(commune(communes, r), "CLOSED", null));
        shapes.put("commune head, deep page", r -> new ListPage(commune(communes, r), null, deep(r)));
        shapes.put("commune head, any status + deep page", r -> new ListPage(commune(communes, r), pick(statuses, r), deep(r)));
        // the walk's worst case: a scope none of the incidents is in, so every incident is probed
        shapes.put("commune head, commune without incidents (empty)", r -> new ListPage(CommuneScope.only("no-incidents-here"), null, null));
        return shapes;
    }

    /** Paging back: an instant from a third of the way to the end of the incidents' span. */
    private static Instant deep(SplittableRandom r) {
        long seconds = DAYS * 86_400;
        return NEWEST.minusSeconds(seconds / 3 + r.nextLong(seconds * 3 / 5));
    }

    private static CommuneScope commune(List<String> communes, SplittableRandom r) {
        return CommuneScope.only(communes.get(r.nextInt(communes.size())));
    }

    /** The plan of each shape's first page, with the statement the repository builds and its arguments. */
    private static void explain(JdbcTemplate jdbc, IncidentLogProbe probe, Map<String, Shape> shapes) {
        for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
            ListPage p = shape.getValue().next(new SplittableRandom(7));
            IncidentLogProbe.Statement st = probe.statement(p.scope(), p.status(), p.before(), PAGE);
            System.out.println("EXPLAIN " + shape.getKey() + ":");
            jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + st.sql(), String.class, st.args())
                    .forEach(line -> System.out.println("    " + line));
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static <T> T pick(T[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
