package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a PullMessagesResponse into its notifications. */
final class PullMessagesParser {

    private PullMessagesParser() {
    }

    static EventBatch parse(Element response) throws XmlContentException {
        List<EventMessage> messages = new ArrayList<>();
        for (Element notification : Elements.children(response, "NotificationMessage")) {
            messages.add(message(notification));
        }
        return new EventBatch(instant(response, "CurrentTime"), instant(response, "TerminationTime"), messages);
    }

    private static EventMessage message(Element notification) throws XmlContentException {
        String topic = Elements.requiredText(notification, "Topic");
        Element message = Elements.child(notification, "Message", "Message");
        Instant utc = Elements.parseInstant(Elements.requiredAttribute(message, "UtcTime"), "Message/@UtcTime");
        PropertyOperation operation = Elements.attribute(message, "PropertyOperation")
                .map(PullMessagesParser::operation).orElse(null);
        return new EventMessage(topic, utc, operation, items(message, "Source"), items(message, "Data"));
    }

    private static PropertyOperation operation(String value) {
        try {
            return PropertyOperation.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<EventItem> items(Element message, String group) throws XmlContentException {
        Optional<Element> parent = Elements.optionalChild(message, group);
        List<EventItem> items = new ArrayList<>();
        if (parent.isPresent()) {
            for (Element item : Elements.children(parent.get(), "SimpleItem")) {
                items.add(new EventItem(Elements.requiredAttribute(item, "Name"),
                        Elements.attribute(item, "Value").orElse("")));
            }
        }
        return items;
    }

    private static Instant instant(Element parent, String name) throws XmlContentException {
        return Elements.parseInstant(Elements.requiredText(parent, name), name);
    }
}
