package io.canhgac.event.security;

import java.util.Map;

/** Who may use each route of the server: the table {@link RouteWalkTest} walks every route against. */
final class RoutePolicy {

    private RoutePolicy() {
    }

    /** Who may use a route. Scoping of what a route returns is checked separately below. */
    enum Access {
        PUBLIC, SIGNED_IN, ALERT_DESK, TECHNICIAN, ADMIN, GATEWAY, SCRAPER,
        /** Incidents and evidence: admins, operators and commune heads (their commune's), not technicians. */
        INCIDENT_READ,
        /** Opening and changing incidents: admins and operators. */
        INCIDENT_DESK
    }

    /** "METHOD path" as mapped; static files as "GET /file". */
    static final Map<String, Access> POLICY = Map.ofEntries(
            Map.entry("GET /api/cameras", Access.SIGNED_IN),
            Map.entry("GET /api/cameras/{id}", Access.SIGNED_IN),
            Map.entry("POST /api/cameras/onboard", Access.TECHNICIAN),
            Map.entry("PUT /api/cameras/{id}/motion", Access.TECHNICIAN),
            Map.entry("PUT /api/cameras/{id}", Access.TECHNICIAN),
            Map.entry("POST /api/cameras/{id}/credentials/test", Access.TECHNICIAN),
            Map.entry("PUT /api/cameras/{id}/credentials", Access.TECHNICIAN),
            Map.entry("POST /api/cameras/import", Access.TECHNICIAN),
            Map.entry("GET /api/cameras/imports/{id}", Access.TECHNICIAN),
            Map.entry("POST /api/cameras/{id}/ptz", Access.ALERT_DESK),
            Map.entry("GET /api/cameras/{id}/health", Access.ALERT_DESK),
            Map.entry("GET /api/cameras/{id}/stream-stats", Access.ALERT_DESK),
            Map.entry("GET /api/cameras/{id}/topics", Access.ALERT_DESK),
            // read from the camera through its commune's gateway, as topics are
            Map.entry("GET /api/cameras/{id}/presets", Access.ALERT_DESK),
            Map.entry("GET /api/cameras/{id}/imaging", Access.ALERT_DESK),
            Map.entry("PUT /api/ingest/stream-stats", Access.GATEWAY),
            Map.entry("POST /api/discovery/sweeps", Access.TECHNICIAN),
            Map.entry("GET /api/discovery/sweeps", Access.TECHNICIAN),
            Map.entry("GET /api/discovery/sweeps/{id}", Access.TECHNICIAN),
            Map.entry("GET /api/ingest/cameras", Access.GATEWAY),
            // the control link's WebSocket upgrade: a gateway's token, like all of ingest
            Map.entry("GET /api/ingest/link", Access.GATEWAY),
            Map.entry("POST /api/live/tickets", Access.SIGNED_IN),
            // playback and the recording timeline: any person, for the cameras of their scope (RecordingApiTest)
            Map.entry("POST /api/playback/tickets", Access.SIGNED_IN),
            Map.entry("GET /api/cameras/{id}/recordings", Access.SIGNED_IN),
            // an incident's recording exports: read and asked by those who read the incident (scoped in the service)
            Map.entry("GET /api/incidents/{id}/recordings", Access.INCIDENT_READ),
            Map.entry("POST /api/incidents/{id}/recordings", Access.INCIDENT_READ),
            Map.entry("GET /api/events", Access.SIGNED_IN),
            Map.entry("GET /api/alerts/stream", Access.SIGNED_IN),
            Map.entry("GET /api/me", Access.SIGNED_IN),
            Map.entry("GET /api/alerts", Access.SIGNED_IN),
            Map.entry("GET /api/alerts/{id}", Access.SIGNED_IN),
            Map.entry("POST /api/alerts/{id}/acknowledge", Access.ALERT_DESK),
            Map.entry("POST /api/alerts/{id}/false-positive", Access.ALERT_DESK),
            Map.entry("POST /api/alerts/{id}/notes", Access.ALERT_DESK),
            Map.entry("GET /api/incidents", Access.INCIDENT_READ),
            Map.entry("GET /api/incidents/{id}", Access.INCIDENT_READ),
            Map.entry("GET /api/incidents/{id}/evidence.zip", Access.INCIDENT_READ),
            Map.entry("POST /api/incidents", Access.INCIDENT_DESK),
            Map.entry("POST /api/incidents/{id}/status", Access.INCIDENT_DESK),
            Map.entry("POST /api/incidents/{id}/assignee", Access.INCIDENT_DESK),
            Map.entry("POST /api/incidents/{id}/notes", Access.INCIDENT_DESK),
            Map.entry("POST /api/incidents/{id}/alerts", Access.INCIDENT_DESK),
            // reports are scoped in their queries (CommuneReportTest); every person may ask
            Map.entry("GET /api/reports/daily", Access.SIGNED_IN),
            Map.entry("GET /api/reports/daily.csv", Access.SIGNED_IN),
            Map.entry("GET /api/reports/daily.pdf", Access.SIGNED_IN),
            Map.entry("GET /api/audit", Access.ADMIN),
            Map.entry("GET /api/accounts", Access.ADMIN),
            Map.entry("GET /api/accounts/communes", Access.ADMIN),
            Map.entry("POST /api/accounts", Access.ADMIN),
            Map.entry("PUT /api/accounts/{username}", Access.ADMIN),
            Map.entry("POST /api/accounts/{username}/disable", Access.ADMIN),
            Map.entry("POST /api/accounts/{username}/enable", Access.ADMIN),
            Map.entry("POST /api/accounts/{username}/password", Access.ADMIN),
            Map.entry("GET /api/lockouts", Access.ADMIN),
            // the region's districts and communes, cut to the caller's scope (DistrictScopeTest); admins add and move
            Map.entry("GET /api/districts", Access.SIGNED_IN),
            Map.entry("POST /api/regions", Access.ADMIN),
            Map.entry("POST /api/districts", Access.ADMIN),
            Map.entry("PUT /api/districts/communes/{communeId}", Access.ADMIN),
            Map.entry("POST /api/lockouts/release", Access.ADMIN),
            // one's own password: also the one thing open while an admin-set password must be changed
            Map.entry("POST /api/me/password", Access.SIGNED_IN),
            Map.entry("GET /api/gateways", Access.ADMIN),
            Map.entry("POST /api/gateways", Access.ADMIN),
            Map.entry("POST /api/gateways/{id}/revoke", Access.ADMIN),
            Map.entry("PUT /api/gateways/{id}/communes", Access.ADMIN),
            // where the gateways stand (link, outbox, last contact): the desk and technicians, not commune heads
            Map.entry("GET /api/gateways/status", Access.ALERT_DESK),
            // a site that keeps its own inventory announces it with its gateway's token
            Map.entry("PUT /api/ingest/inventory", Access.GATEWAY),
            Map.entry("POST /api/ingest/events", Access.GATEWAY),
            Map.entry("PUT /api/ingest/media/{id}", Access.GATEWAY),
            // resumable upload over weak links: chunks, and where a gateway resumes
            Map.entry("PUT /api/ingest/media/{id}/chunks", Access.GATEWAY),
            Map.entry("GET /api/ingest/media/{id}/received", Access.GATEWAY),
            Map.entry("GET /api/events/{id}/media", Access.SIGNED_IN),
            Map.entry("GET /api/events/{id}/snapshot", Access.SIGNED_IN),
            Map.entry("GET /api/media/{id}", Access.SIGNED_IN),
            // Boot's error page, any method; reached directly it is just another page
            Map.entry("GET /error", Access.SIGNED_IN),
            Map.entry("POST /error", Access.SIGNED_IN),
            // UP or DOWN for load balancers and monitoring; the details need ADMIN (see IngestApiTest)
            Map.entry("GET /actuator/health", Access.PUBLIC),
            Map.entry("GET /actuator/health/**", Access.ADMIN),
            Map.entry("GET /actuator/info", Access.ADMIN),
            Map.entry("GET /actuator", Access.ADMIN),
            // Prometheus, with its own bearer token only: no session, not the gateways' token (see README, "Ecosystem")
            Map.entry("GET /actuator/prometheus", Access.SCRAPER),
            // the OpenAPI document: for anyone signed in, like the API it describes
            Map.entry("GET /v3/api-docs", Access.SIGNED_IN),
            Map.entry("GET /v3/api-docs.yaml", Access.SIGNED_IN),
            Map.entry("GET /", Access.SIGNED_IN),
            Map.entry("GET /index.html", Access.SIGNED_IN),
            Map.entry("GET /app.js", Access.SIGNED_IN),
            Map.entry("GET /password.html", Access.SIGNED_IN),
            Map.entry("GET /password.js", Access.SIGNED_IN),
            Map.entry("GET /login.html", Access.PUBLIC),
            Map.entry("GET /login.js", Access.PUBLIC),
            Map.entry("GET /i18n.js", Access.PUBLIC),
            Map.entry("GET /app.css", Access.PUBLIC));

    /** The UI's page modules (web: static/pages/*.js) are for people signed in, whichever pages there are. */
    static Access policyOf(String route) {
        if (route.startsWith("GET /pages/") && route.endsWith(".js")) {
            return Access.SIGNED_IN;
        }
        return POLICY.get(route);
    }
}
