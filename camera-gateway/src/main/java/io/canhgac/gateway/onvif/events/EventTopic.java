package io.canhgac.gateway.onvif.events;

import java.util.List;

/**
 * One topic a camera can raise, from GetEventProperties.
 *
 * @param topic     the topic expression, prefix tns1 for ONVIF's topic namespace and the camera's own
 *                  prefix for a vendor's: "tns1:RuleEngine/CellMotionDetector/Motion"
 * @param property  whether it is a property (a state with Initialized/Changed) rather than a one-off event
 * @param dataItems the names of the data items its messages carry ("IsMotion", "State")
 */
public record EventTopic(String topic, boolean property, List<String> dataItems) {

    public EventTopic {
        dataItems = List.copyOf(dataItems);
    }
}
