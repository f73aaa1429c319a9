package io.canhgac.event.nodes;

import io.canhgac.event.db.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The centre as two event-service nodes (child JVMs, {@link EventServiceNode}) on one embedded
 * PostgreSQL server, all on loopback; the test's own view of the database beside them. Both may
 * start at once: the first migration and the demo district's seeding are safe to race.
 */
public final class TwoNodes implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    public final EmbeddedPostgres postgres;
    public final JdbcTemplate db;
    private final Path work;
    private final String[] args;
    private final List<String> jvmOptions;
    public final EventServiceNode a;
    /** Null until started: a benchmark measures with node A alone first. */
    public volatile EventServiceNode b;

    private TwoNodes(EmbeddedPostgres postgres, Path work, List<String> jvmOptions, String[] args, EventServiceNode a) {
        this.postgres = postgres;
        this.jvmOptions = jvmOptions;
        this.work = work;
        this.args = args;
        this.a = a;
        this.db = new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), ""));
    }

    /** Both nodes, started together for a test, up. */
    public static TwoNodes start(String... nodeArgs) throws IOException, InterruptedException {
        return startFirst(true, EventServiceNode.QUICK_START, nodeArgs);
    }

    /** Node A up and node B, if asked for, up too; {@link #startB} starts it later. */
    public static TwoNodes startFirst(boolean withB, List<String> jvmOptions, String... nodeArgs)
            throws IOException, InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(null, 0);
        Path work = Files.createTempDirectory("canhgac-nodes-");
        // every node must read the camera passwords the others stored: one key for all, as in production
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String[] args = Stream.concat(Stream.of("--canhgac.credentials.key=" + Base64.getEncoder().encodeToString(key)),
                Arrays.stream(nodeArgs)).toArray(String[]::new);
        EventServiceNode a = null;
        EventServiceNode b = null;
        try {
            a = EventServiceNode.start("node-a", postgres.jdbcUrl(), work, jvmOptions, args);
            b = withB ? EventServiceNode.start("node-b", postgres.jdbcUrl(), work, jvmOptions, args) : null;
            a.awaitUp(STARTUP);
            TwoNodes centre = new TwoNodes(postgres, work, jvmOptions, args, a);
            if (b != null) {
                centre.b = b.awaitUp(STARTUP);
            }
            return centre;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            closeQuietly(b);
            closeQuietly(a);
            postgres.close();
            throw e;
        }
    }

    public EventServiceNode startB() throws IOException, InterruptedException {
        b = EventServiceNode.start("node-b", postgres.jdbcUrl(), work, jvmOptions, args).awaitUp(STARTUP);
        return b;
    }

    private static void closeQuietly(EventServiceNode node) throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    /** The node to send a request to: the preferred if alive, else the other, as a load balancer's health check picks. */
    public EventServiceNode alive(EventServiceNode preferred) {
        if (preferred.alive()) {
            return preferred;
        }
        return preferred == a ? b : a;
    }

    @Override
    public void close() throws InterruptedException {
        closeQuietly(b);
        closeQuietly(a);
        postgres.close();
    }
}
