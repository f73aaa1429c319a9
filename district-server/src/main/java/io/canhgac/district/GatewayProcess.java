package io.canhgac.district;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One commune's gateway as a process of its own, kept running: when it dies (a crash, or a test's
 * SIGKILL) it is started again after a delay, as a service manager would. Its output goes to a log
 * file beside its outbox. It watches this server's process and ends with it.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayProcess.class);

    private final String commune;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Duration restartDelay;
    private final Thread supervisor;
    private volatile Process process;
    private volatile boolean stopping;
    private volatile int starts;

    /** @param environment added to the child's (the token goes here, never on the command line, where ps shows it) */
    GatewayProcess(String commune, List<String> command, Map<String, String> environment, Path logFile, Duration restartDelay) {
        this.commune = commune;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.restartDelay = restartDelay;
        this.supervisor = new Thread(this::supervise, "gateway-process-" + commune);
        supervisor.setDaemon(true);
    }

    GatewayProcess start() throws IOException {
        Files.createDirectories(logFile.getParent());
        launch();
        supervisor.start();
        return this;
    }

    /** The process id now; empty between a death and its restart. */
    OptionalLong pid() {
        Process p = process;
        return p != null && p.isAlive() ? OptionalLong.of(p.pid()) : OptionalLong.empty();
    }

    /** How many times the process has been started, the first time included. */
    int starts() {
        return starts;
    }

    Path logFile() {
        return logFile;
    }

    private synchronized void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        starts++;
        log.info("Gateway of commune {} started, pid {}, log {}", commune, process.pid(), logFile);
    }

    private void supervise() {
        while (!stopping) {
            Process p = process;
            try {
                int code = p.waitFor();
                if (stopping) {
                    return;
                }
                log.warn("Gateway of commune {} (pid {}) ended with code {}; starting it again in {} s", commune, p.pid(), code,
                        restartDelay.toSeconds());
                Thread.sleep(restartDelay.toMillis());
                if (!stopping) {
                    launch();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                log.error("Gateway of commune {} cannot be started again: {}; trying after {} s", commune, e.getMessage(),
                        restartDelay.toSeconds());
                sleepQuietly(restartDelay);
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the gateway to stop (its outbox and spool stay on disk), and kills it if it has not within 10 s. */
    @Override
    public void close() {
        stopping = true;
        supervisor.interrupt();
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                log.warn("Gateway of commune {} did not stop within 10 s; killing it", commune);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
