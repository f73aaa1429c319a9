package io.canhgac.gateway.publish;

import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.centre.CentreClient;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends the gateway's stream figures (frame rate, bitrate, last picture) to the event-service every
 * period, all cameras in one small PUT. Figures go stale in seconds, so a failed report is not kept
 * or retried: the next period's replaces it. The in-process gateway and a commune's gateway both
 * report through this, over HTTP with their gateway token.
 */
public final class StreamStatsReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamStatsReporter.class);
    /** How often gateways report; the event-service calls figures stale after a few of these (canhgac.stream-stats.period). */
    public static final Duration PERIOD = Duration.ofSeconds(5);

    static final String PATH = "/api/ingest/stream-stats";

    private final CentreClient centre;
    private final Duration period;
    private final Supplier<List<StreamReport>> reports;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("stream-stats", true));
    private boolean failing;

    /** @param reports the figures of every camera now, e.g. {@code CameraGateway::streamReports} */
    public StreamStatsReporter(CentreClient centre, Duration period, Supplier<List<StreamReport>> reports) {
        this.centre = centre;
        this.period = period;
        this.reports = reports;
    }

    public StreamStatsReporter start() {
        timer.scheduleWithFixedDelay(this::report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One report now; true when the event-service took it (or there was nothing to say). */
    synchronized boolean report() {
        try {
            List<StreamReport> batch = reports.get();
            if (batch.isEmpty()) {
                return true;
            }
            // a report older than a period is worth nothing: never wait longer than that for an answer
            HttpRequest request = centre.request(PATH, period)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(centre.toJson(batch))).build();
            int code = centre.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code / 100 == 2) {
                if (failing) {
                    log.info("Stream figures reach {} again", centre.uri(PATH));
                }
                failing = false;
                return true;
            }
            warnOnce("HTTP " + code);
        } catch (IOException | RuntimeException e) {
            // the timer must keep running whatever went wrong in this one report
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void warnOnce(String why) {
        if (!failing) {
            log.warn("Cannot report stream figures to {} ({}); trying again every {} s", centre.uri(PATH), why, period.toSeconds());
        }
        failing = true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
