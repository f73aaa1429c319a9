package io.canhgac.event.health;

import io.canhgac.contract.StreamReport;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest stream figures of every camera, in memory: a few hundred small records replaced every
 * few seconds are not worth a table, and after a restart the gateways fill it again within a period.
 * Each node of a cluster knows what the gateways that reached it reported.
 */
@Component
class StreamStatsBoard {

    private record Received(StreamReport report, Instant receivedAt, String gateway) {
    }

    private final Map<String, Received> latest = new ConcurrentHashMap<>();
    private final Duration staleAfter;

    StreamStatsBoard(StreamStatsProperties properties) {
        this.staleAfter = properties.staleAfter();
    }

    /** Keeps each report as its camera's latest; the caller has checked the cameras are registered. */
    void record(Collection<StreamReport> reports, String gateway, Instant receivedAt) {
        reports.forEach(r -> latest.put(r.cameraId(), new Received(r, receivedAt, gateway)));
    }

    StreamStatsView view(String cameraId, Instant now) {
        Received r = latest.get(cameraId);
        return r == null ? StreamStatsView.none(cameraId, staleAfter)
                : StreamStatsView.of(r.report(), r.receivedAt(), r.gateway(), now, staleAfter);
    }

    /** A camera removed from the registry leaves no figures behind. */
    void retainOnly(Collection<String> cameraIds) {
        latest.keySet().retainAll(cameraIds);
    }
}
