package io.canhgac.gateway.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.StreamReport;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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

    private final URI uri;
    private final String token;
    private final Duration period;
    private final Supplier<List<StreamReport>> reports;
    private final HttpClient http;
    private final ObjectMapper json = GatewayJson.mapper();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("stream-stats", true));
    private boolean failing;

    /**
     * @param serviceUrl the event-service's base URL, e.g. http://127.0.0.1:8080
     * @param reports    the figures of every camera now, e.g. {@code CameraGateway::streamReports}
     */
    public StreamStatsReporter(String serviceUrl, String token, Duration period, Supplier<List<StreamReport>> reports) {
        this.uri = URI.create(serviceUrl.replaceAll("/+$", "") + "/api/ingest/stream-stats");
        this.token = token;
        this.period = period;
        this.reports = reports;
        // a report older than a period is worth nothing: never wait longer than that for an answer
        this.http = HttpClient.newBuilder().connectTimeout(period).build();
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
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(period)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch)));
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
            int code = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (code / 100 == 2) {
                if (failing) {
                    log.info("Stream figures reach {} again", uri);
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
            log.warn("Cannot report stream figures to {} ({}); trying again every {} s", uri, why, period.toSeconds());
        }
        failing = true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
