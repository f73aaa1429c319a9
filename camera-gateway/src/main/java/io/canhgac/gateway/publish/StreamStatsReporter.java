package io.canhgac.gateway.publish;

import io.canhgac.contract.StreamReport;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Takes the gateway's stream figures (frame rate, bitrate, last picture) of every camera each period
 * and hands them to the outbox, which keeps the newest per camera until the centre takes them.
 */
public final class StreamStatsReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamStatsReporter.class);
    /** How often gateways report; the event-service calls figures stale after a few of these (canhgac.stream-stats.period). */
    public static final Duration PERIOD = Duration.ofSeconds(5);

    private final Duration period;
    private final Supplier<List<StreamReport>> reports;
    private final Consumer<List<StreamReport>> outbox;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("stream-stats", true));

    /**
     * @param reports the figures of every camera now, e.g. {@code CameraGateway::streamReports}
     * @param outbox  where they wait for the centre
     */
    public StreamStatsReporter(Duration period, Supplier<List<StreamReport>> reports, Consumer<List<StreamReport>> outbox) {
        this.period = period;
        this.reports = reports;
        this.outbox = outbox;
    }

    public StreamStatsReporter start() {
        timer.scheduleWithFixedDelay(this::report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One report now; false when the figures could not be read. */
    boolean report() {
        try {
            List<StreamReport> batch = reports.get();
            if (!batch.isEmpty()) {
                outbox.accept(batch);
            }
            return true;
        } catch (RuntimeException e) {
            // the timer must keep running whatever went wrong in this one report
            log.debug("Stream figures not taken this period: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
