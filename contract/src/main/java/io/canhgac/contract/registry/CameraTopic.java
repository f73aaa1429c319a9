package io.canhgac.contract.registry;

import java.util.List;
import java.util.Objects;

/**
 * One event topic a camera says it can raise (ONVIF GetEventProperties), as the camera page lists
 * them: which events the camera itself reports, besides what the gateway detects.
 *
 * @param topic     "tns1:RuleEngine/CellMotionDetector/Motion"; vendor topics keep their prefix ("tnsaxis:…")
 * @param property  a state with a value at all times (motion on/off) rather than a one-off event
 * @param dataItems the names of the values its messages carry ("IsMotion")
 */
public record CameraTopic(String topic, boolean property, List<String> dataItems) {

    public CameraTopic {
        Objects.requireNonNull(topic, "topic");
        dataItems = dataItems == null ? List.of() : List.copyOf(dataItems);
    }
}
