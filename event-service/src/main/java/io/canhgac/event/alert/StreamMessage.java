package io.canhgac.event.alert;

import io.canhgac.event.user.CommuneScope;

import java.util.function.Predicate;

/** One message of the alert stream: its feed seq (the SSE id), its SSE event name, its JSON and who may see it. */
record StreamMessage(long seq, String name, Object data, Predicate<CommuneScope> visibleIn) {
}
