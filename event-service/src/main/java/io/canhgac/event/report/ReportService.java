package io.canhgac.event.report;

import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.EventType;
import io.canhgac.event.user.CommuneScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a commune's day report: event counts by camera and type, and each camera's uptime. */
@Service
class ReportService {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReportRepository reports;
    private final ZoneId zone;

    ReportService(ReportRepository reports, DistrictInventory inventory) {
        this.reports = reports;
        // days are the district's days: the inventory names its time zone
        this.zone = inventory.timezone() == null || inventory.timezone().isBlank() ? DEFAULT_ZONE : ZoneId.of(inventory.timezone());
    }

    ZoneId zone() {
        return zone;
    }

    /** One snapshot of the data, so counts and uptimes agree even while events arrive. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    /** Read after the report, whose commune the scope allowed. */
    String districtName(String communeId) {
        return reports.districtName(communeId);
    }

    CommuneDayReport day(CommuneScope scope, String communeId, LocalDate date, Instant now) {
        ReportRepository.Named commune = reports.commune(scope, communeId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such commune"));
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (!now.isAfter(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "date: " + date + " has not begun yet in " + zone);
        }
        Instant to = now.isBefore(dayEnd) ? now : dayEnd;

        Map<String, Map<EventType, Long>> counts = new java.util.HashMap<>();
        for (ReportRepository.Count c : reports.counts(scope, communeId, from, to)) {
            counts.computeIfAbsent(c.cameraId(), k -> zeros()).merge(c.type(), c.count(), Long::sum);
        }
        Map<String, ReportRepository.Health> before = reports.statusBefore(scope, communeId, from).stream()
                .collect(Collectors.toMap(ReportRepository.Health::cameraId, h -> h));
        Map<String, List<Uptime.Change>> changes = reports.health(scope, communeId, from, to).stream()
                .collect(Collectors.groupingBy(ReportRepository.Health::cameraId,
                        Collectors.mapping(h -> new Uptime.Change(h.at(), h.status()), Collectors.toList())));

        List<CameraDay> cameras = new ArrayList<>();
        Map<EventType, Long> totals = zeros();
        for (ReportRepository.Named camera : reports.cameras(scope, communeId)) {
            Map<EventType, Long> byType = counts.getOrDefault(camera.id(), zeros());
            byType.forEach((type, n) -> totals.merge(type, n, Long::sum));
            ReportRepository.Health carried = before.get(camera.id());
            Uptime uptime = Uptime.over(from, to, carried == null ? null : carried.status(),
                    changes.getOrDefault(camera.id(), List.of()));
            cameras.add(new CameraDay(camera.id(), camera.name(), Collections.unmodifiableMap(byType), sum(byType),
                    uptime.online().toSeconds(), uptime.down().toSeconds(), uptime.unknown().toSeconds(),
                    uptime.uptime(), uptime.uptimeOfKnown()));
        }
        Double mean = cameras.stream().filter(c -> c.uptime() != null).mapToDouble(CameraDay::uptime).average().stream()
                .boxed().findFirst().orElse(null);
        return new CommuneDayReport(commune.id(), commune.name(), date, zone.getId(), from, to, to.equals(dayEnd),
                Duration.between(from, to).toSeconds(), List.copyOf(cameras), Collections.unmodifiableMap(totals), sum(totals), mean);
    }

    private static Map<EventType, Long> zeros() {
        Map<EventType, Long> zeros = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            zeros.put(type, 0L);
        }
        return zeros;
    }

    private static long sum(Map<EventType, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
