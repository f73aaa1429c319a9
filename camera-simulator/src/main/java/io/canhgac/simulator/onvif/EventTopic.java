package io.canhgac.simulator.onvif;

/**
 * The camera-side events a simulated camera raises, as ONVIF topics with the names of their
 * source and data items (ONVIF Core, appendix "Topic set").
 */
enum EventTopic {
    /** Cell motion detection, the topic every ONVIF camera and client knows. */
    MOTION("tns1:RuleEngine/CellMotionDetector/Motion", "IsMotion", true),
    /** The picture changed as a whole: covered, turned away, sprayed. */
    TAMPER("tns1:VideoSource/GlobalSceneChange/ImagingService", "State", false);

    private final String topic;
    private final String dataItem;
    private final boolean ruleEngine;

    EventTopic(String topic, String dataItem, boolean ruleEngine) {
        this.topic = topic;
        this.dataItem = dataItem;
        this.ruleEngine = ruleEngine;
    }

    /** The concrete topic expression, with the {@code tns1} prefix bound to ONVIF's topic namespace. */
    String topic() {
        return topic;
    }

    String dataItem() {
        return dataItem;
    }

    /**
     * Rule-engine topics name their source by video source configuration, analytics configuration
     * and rule; video-source topics name the video source.
     */
    boolean ruleEngine() {
        return ruleEngine;
    }
}
