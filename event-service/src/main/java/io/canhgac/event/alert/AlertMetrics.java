package io.canhgac.event.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alert figures for Prometheus: alerts raised by kind (counted once committed), open alerts (read
 * from the database at scrape time, so every node of a cluster reports the same truth) and the
 * browsers connected to this node's alert stream.
 */
@Component
class AlertMetrics {

    private final Map<AlertKind, Counter> raised = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    AlertMetrics(MeterRegistry registry, JdbcTemplate jdbc, AlertBroadcaster broadcaster) {
        this.registry = registry;
        // every kind up front at zero, so a rate over the first alert of a kind is right
        for (AlertKind kind : AlertKind.values()) {
            raised(kind);
        }
        Gauge.builder("canhgac.alerts.open", jdbc,
                        j -> j.queryForObject("SELECT count(*) FROM alert WHERE state = 'OPEN'", Long.class))
                .description("Alerts waiting on the desk (state OPEN)").register(registry);
        Gauge.builder("canhgac.sse.clients", broadcaster, AlertBroadcaster::connections)
                .description("Browsers connected to this node's live stream").register(registry);
    }

    @TransactionalEventListener
    void onRaised(AlertsRaised event) {
        for (RaisedAlert alert : event.alerts()) {
            raised(alert.kind()).increment();
        }
    }

    private Counter raised(AlertKind kind) {
        return raised.computeIfAbsent(kind, k -> Counter.builder("canhgac.alerts.raised").description("Alerts raised, by kind")
                .tag("kind", k.name()).register(registry));
    }
}
