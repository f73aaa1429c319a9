package io.canhgac.event.alert;

import io.canhgac.event.events.EventRepository;
import io.canhgac.event.events.EventView;
import io.canhgac.event.user.CommuneScope;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns feed entries into stream messages: two queries for any number of entries. An alert is shown
 * as it is now (a replayed raise of an alert since acknowledged shows it acknowledged); an event or
 * alert deleted since is left out.
 */
@Component
class FeedMessages {

    private final EventRepository events;
    private final AlertRepository alerts;

    FeedMessages(EventRepository events, AlertRepository alerts) {
        this.events = events;
        this.alerts = alerts;
    }

    List<StreamMessage> of(List<AlertFeed.Entry> entries) {
        Map<UUID, EventView> eventsById = events.findByIds(refs(entries, AlertFeed.Kind.EVENT)).stream()
                .collect(Collectors.toMap(EventView::id, Function.identity(), (a, b) -> a));
        List<UUID> alertIds = refs(entries, AlertFeed.Kind.ALERT);
        Map<UUID, AlertView> alertsById = alertIds.isEmpty() ? Map.of() : alerts.find(CommuneScope.REGION, alertIds).stream()
                .collect(Collectors.toMap(AlertView::id, Function.identity(), (a, b) -> a));
        List<StreamMessage> messages = new ArrayList<>(entries.size());
        for (AlertFeed.Entry entry : entries) {
            if (entry.kind() == AlertFeed.Kind.EVENT) {
                EventView event = eventsById.get(entry.ref());
                if (event != null) {
                    messages.add(new StreamMessage(entry.seq(), "camera-event", event, scope -> scope.allows(event.communeId())));
                }
            } else {
                AlertView alert = alertsById.get(entry.ref());
                if (alert != null) {
                    messages.add(new StreamMessage(entry.seq(), "alert", alert, alert::visibleIn));
                }
            }
        }
        return messages;
    }

    private static List<UUID> refs(List<AlertFeed.Entry> entries, AlertFeed.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(AlertFeed.Entry::ref).distinct().toList();
    }
}
