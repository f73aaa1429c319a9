package io.canhgac.event.audit;

import java.time.Instant;

/** One line of the audit trail, as GET /api/audit shows it. */
public record AuditEntry(long id, Instant at, String username, AuditAction action, String target, String detail,
                         String remoteAddress) {
}
