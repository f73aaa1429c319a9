package io.canhgac.event.alert;

import java.util.List;

/**
 * Alerts raised in the current ingest transaction. Published inside it: listeners outside the
 * alert desk (metrics, MQTT, webhook) act after commit, so a rolled-back alert never leaves.
 */
public record AlertsRaised(List<RaisedAlert> alerts) {
}
