package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the topic tree of a GetEventPropertiesResponse. Each element of the wstop:TopicSet is a
 * topic level; its children are deeper levels, except the tt:MessageDescription that describes
 * the messages of a topic. Vendor topic roots (tnsaxis:, tnshik:) are
 * kept, with the camera's prefix, since they are how those cameras report tampering and I/O.
 */
final class EventPropertiesParser {

    static final String ONVIF_TOPICS = "http://www.onvif.org/ver10/topics";
    private static final String WSTOP = "http://docs.oasis-open.org/wsn/t-1";
    private static final String SCHEMA = "http://www.onvif.org/ver10/schema";

    private EventPropertiesParser() {
    }

    static List<EventTopic> parse(Element response) throws XmlContentException {
        Element set = Elements.child(response, "TopicSet");
        List<EventTopic> topics = new ArrayList<>();
        for (Element root : Elements.children(set)) {
            walk(root, prefix(root) + root.getLocalName(), topics);
        }
        return List.copyOf(topics);
    }

    private static void walk(Element level, String path, List<EventTopic> out) {
        Optional<Element> description = description(level);
        List<Element> deeper = Elements.children(level).stream().filter(c -> !isDescription(c)).toList();
        // Hikvision marks every level wstop:topic="true"; only a described level or a marked leaf raises messages
        boolean marked = "true".equalsIgnoreCase(level.getAttributeNS(WSTOP, "topic").trim());
        if (description.isPresent() || (marked && deeper.isEmpty())) {
            boolean property = description.flatMap(d -> Elements.attribute(d, "IsProperty"))
                    .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
            out.add(new EventTopic(path, property, description.map(EventPropertiesParser::dataItems).orElse(List.of())));
        }
        for (Element child : deeper) {
            walk(child, path + "/" + child.getLocalName(), out);
        }
    }

    private static Optional<Element> description(Element level) {
        return Elements.children(level).stream().filter(EventPropertiesParser::isDescription).findFirst();
    }

    private static boolean isDescription(Element e) {
        return "MessageDescription".equals(e.getLocalName()) && SCHEMA.equals(e.getNamespaceURI());
    }

    private static List<String> dataItems(Element description) {
        List<String> names = new ArrayList<>();
        Elements.optionalChild(description, "Data").ifPresent(data -> {
            for (Element item : Elements.children(data)) {
                Elements.attribute(item, "Name").map(String::trim).filter(n -> !n.isEmpty()).ifPresent(names::add);
            }
        });
        return names;
    }

    private static String prefix(Element root) {
        if (ONVIF_TOPICS.equals(root.getNamespaceURI())) {
            return "tns1:";
        }
        return root.getPrefix() == null ? "" : root.getPrefix() + ":";
    }
}
