package io.canhgac.event.report;

import io.canhgac.contract.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A commune's day, as GET /api/reports/daily answers it. The day is [from, to) in {@code zone};
 * for today {@code to} is the time of the request and {@code complete} is false.
 * {@code uptime} is the mean of the cameras' uptimes (null when no camera has one).
 */
record CommuneDayReport(String communeId, String commune, LocalDate date, String zone, Instant from, Instant to,
                        boolean complete, long periodSeconds, List<CameraDay> cameras, Map<EventType, Long> counts,
                        long events, Double uptime) {
}
