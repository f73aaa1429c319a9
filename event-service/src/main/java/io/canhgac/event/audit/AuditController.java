package io.canhgac.event.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The audit trail, for admins only (the security configuration says so for /api/audit). */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> list(@RequestParam(required = false) String user,
                          @RequestParam(required = false) AuditAction action,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant before,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.find(user, action, before, limit);
    }
}
