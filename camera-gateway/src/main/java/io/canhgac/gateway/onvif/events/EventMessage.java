package io.canhgac.gateway.onvif.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One notification pulled from a camera.
 *
 * @param topic     the topic expression as the camera wrote it, e.g. "tns1:RuleEngine/CellMotionDetector/Motion"
 * @param utcTime   when it happened, by the camera's clock
 * @param operation Initialized, Changed or Deleted; null when the camera does not say
 * @param source    the items naming what the event is about (video source, rule...)
 * @param data      the items carrying the state (IsMotion=true...). ElementItems are not kept.
 */
public record EventMessage(String topic, Instant utcTime, PropertyOperation operation,
                           List<EventItem> source, List<EventItem> data) {

    public EventMessage {
        source = List.copyOf(source);
        data = List.copyOf(data);
    }

    /** The topic without its namespace prefix: "RuleEngine/CellMotionDetector/Motion". */
    public String topicPath() {
        int colon = topic.indexOf(':');
        return colon < 0 ? topic : topic.substring(colon + 1);
    }

    public Optional<String> dataValue(String name) {
        return data.stream().filter(i -> i.name().equals(name)).map(EventItem::value).findFirst();
    }

    public Optional<String> sourceValue(String name) {
        return source.stream().filter(i -> i.name().equals(name)).map(EventItem::value).findFirst();
    }
}
