package io.canhgac.event.audit;

/** What the audit trail records. */
public enum AuditAction {
    LOGIN_SUCCESS, LOGIN_FAILURE, LOGOUT, ACCOUNT_CREATED, ALERT_ACKNOWLEDGED, ALERT_FALSE_POSITIVE, ALERT_NOTE,
    GATEWAY_REGISTERED, GATEWAY_REVOKED
}
