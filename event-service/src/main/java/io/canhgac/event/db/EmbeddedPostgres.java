package io.canhgac.event.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from zonky's binaries, for the all-in-one default and the tests.
 * PostgreSQL refuses to run as root; when we are root, its tools run under {@code unshare -U}, where
 * they see an unprivileged user id and still own their files.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String VERSION = "17.6.0";

    private final Path home;
    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
    private boolean running;
    private boolean closed;

    /** How {@link #stopServer} stops the server: PostgreSQL's shutdown modes (pg_ctl -m). */
    public enum StopMode {
        /** Ends the sessions, checkpoints and exits: what an administrator's stop does. */
        FAST,
        /**
         * Quits at once, in-flight transactions and all, without a checkpoint: the next start runs
         * crash recovery from the WAL, as after a crash of the server. The harsher case, so the one to
         * test a service's recovery with.
         */
        IMMEDIATE
    }

    private EmbeddedPostgres(Path home, Path dataDir, boolean temporary, int port) {
        this.home = home;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param dataDir where the database lives (created on first use); null for a temporary one removed on close
     * @param port    TCP port, or 0 for a free one
     */
    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir"), "canhgac-embedded");
        Path home = PostgresBinaries.install(cacheRoot, VERSION);
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("canhgac-pgdata-") : dataDir.toAbsolutePath();
        EmbeddedPostgres pg = new EmbeddedPostgres(home, data, temporary, port == 0 ? freePort() : port);
        pg.startServer();
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return port;
    }

    /**
     * Starts the server on its port and data folder, creating the database on first use; does nothing
     * while it runs. After {@link #stopServer} this brings the same database back, as a restarted
     * server would come back under a running service.
     */
    public synchronized void startServer() throws IOException {
        if (closed) {
            throw new IllegalStateException("embedded PostgreSQL already closed");
        }
        if (running) {
            return;
        }
        long started = System.nanoTime();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            if (temporary) {
                Files.deleteIfExists(dataDir); // initdb wants to create the folder itself
            }
            Files.createDirectories(dataDir.getParent());
            run(tool("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF-8", "--no-locale");
        }
        if (isServerRunning()) {
            log.warn("A PostgreSQL left over from an earlier run holds {}; stopping it first", dataDir);
            run(tool("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        }
        listen();
        running = true;
        log.info("Embedded PostgreSQL {} on 127.0.0.1:{} (data {}) started in {} ms", VERSION, port, dataDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Runs pg_ctl start. While the server was down, clients kept connecting to its loopback port, and
     * such a connect can be given that very port as its own (TCP self-connect) until it fails: so
     * when the port is taken, starting is tried again for up to 5 s.
     */
    private void listen() throws IOException {
        Path logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long logged = Files.exists(logFile) ? Files.size(logFile) : 0;
            try {
                // fsync off for a temporary database only: even then an IMMEDIATE stop loses nothing
                // committed, as the WAL is in the page cache; only an operating-system crash would
                run(tool("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "120",
                        "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories='' -c fsync=" + (temporary ? "off" : "on"),
                        "start");
                return;
            } catch (IOException e) {
                if (!portTaken(logFile, logged) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("Port {} is taken for a moment; starting PostgreSQL again", port);
                sleep(200);
            }
        }
    }

    private static boolean portTaken(Path logFile, long from) throws IOException {
        if (!Files.exists(logFile)) {
            return false;
        }
        byte[] all = Files.readAllBytes(logFile);
        String added = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
        return added.contains("could not bind") || added.contains("Address already in use");
    }

    /**
     * Stops the server and keeps its data, so that {@link #startServer} can bring it back; the data
     * source's connections break meanwhile, as with a real server gone away.
     */
    public synchronized void stopServer(StopMode mode) throws IOException {
        if (!running) {
            return;
        }
        run(tool("pg_ctl"), "-D", dataDir.toString(), "-m", mode.name().toLowerCase(Locale.ROOT), "-w", "stop");
        running = false;
        log.info("Embedded PostgreSQL on 127.0.0.1:{} stopped ({})", port, mode);
    }

    public synchronized boolean isRunning() {
        return running;
    }

    private boolean isServerRunning() throws IOException {
        if (!Files.exists(dataDir.resolve("postmaster.pid"))) {
            return false;
        }
        return execute(List.of(tool("pg_ctl"), "-D", dataDir.toString(), "status")).exitCode() == 0;
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServer(StopMode.FAST);
        } catch (IOException e) {
            running = false;
            log.warn("Could not stop embedded PostgreSQL cleanly: {}", e.getMessage());
        }
        if (temporary) {
            PostgresBinaries.deleteTree(dataDir);
            try {
                Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
            } catch (IOException ignored) {
                // temp files
            }
        }
    }

    private String tool(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    /** Runs a PostgreSQL tool and fails with its output when it exits non-zero. */
    private void run(String... command) throws IOException {
        ToolRun result = execute(List.of(command));
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + result.exitCode() + "): " + result.output());
        }
    }

    private record ToolRun(int exitCode, String output) {
    }

    private ToolRun execute(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (RootCheck.isRoot()) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(command);
        Path output = Files.createTempFile("canhgac-pg-", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            try {
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(String.join(" ", command) + " did not finish in 180 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
            return new ToolRun(p.exitValue(), Files.readString(output).strip());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Whether this process runs as root, which PostgreSQL refuses. */
    static final class RootCheck {
        private RootCheck() {
        }

        static boolean isRoot() {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        }
    }
}
