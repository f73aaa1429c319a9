package io.canhgac.event.alert;

import java.time.Instant;

record AlertNote(Instant at, String username, String text) {
}
