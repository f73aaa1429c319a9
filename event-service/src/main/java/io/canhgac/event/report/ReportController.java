package io.canhgac.event.report;

import io.canhgac.event.audit.AuditAction;
import io.canhgac.event.audit.AuditLog;
import io.canhgac.event.user.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A commune's day: GET /api/reports/daily (JSON for the page), daily.csv and daily.pdf (exports,
 * audited). {@code commune} may be left out by a commune head (their own); {@code date} is a day
 * in the district's time zone. Another commune's report is answered as absent (404).
 */
@RestController
class ReportController {

    private final ReportService reports;
    private final AuditLog audit;
    ReportController(ReportService reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/api/reports/daily")
    CommuneDayReport daily(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String commune,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reports.day(user.scope(), communeOf(user, commune), date, Instant.now());
    }

    @GetMapping("/api/reports/daily.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String commune,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               HttpServletRequest request) {
        CommuneDayReport report = reports.day(user.scope(), communeOf(user, commune), date, Instant.now());
        audit.record(user.getUsername(), AuditAction.REPORT_EXPORTED, "report " + report.communeId() + " " + date, "CSV",
                request.getRemoteAddr());
        return file(ReportCsv.write(report), "text/csv;charset=UTF-8", report, "csv");
    }

    @GetMapping("/api/reports/daily.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String commune,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               HttpServletRequest request) {
        CommuneDayReport report = reports.day(user.scope(), communeOf(user, commune), date, Instant.now());
        audit.record(user.getUsername(), AuditAction.REPORT_EXPORTED, "report " + report.communeId() + " " + date, "PDF",
                request.getRemoteAddr());
        return file(ReportPdf.write(report, reports.districtName(report.communeId())), MediaType.APPLICATION_PDF_VALUE, report, "pdf");
    }

    /** Says why, in the body: the reasons name the field or the rule at fault. */
    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail refused(ResponseStatusException e) {
        return ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
    }

    private static String communeOf(AppUser user, String commune) {
        if (commune != null && !commune.isBlank()) {
            return commune;
        }
        if (user.communeId() != null) {
            return user.communeId();
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "commune: required");
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, CommuneDayReport report, String extension) {
        // kept to plain characters: the name goes into a header as it is
        String name = "bao-cao-" + report.communeId().replaceAll("[^A-Za-z0-9-]", "_") + "-" + report.date() + "." + extension;
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }
}
