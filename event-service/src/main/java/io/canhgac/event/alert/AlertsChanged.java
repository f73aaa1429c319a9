package io.canhgac.event.alert;

import java.util.List;
import java.util.UUID;

/** Alerts raised or handled in the current transaction; pushed to browsers once it commits. */
record AlertsChanged(List<UUID> ids) {
}
