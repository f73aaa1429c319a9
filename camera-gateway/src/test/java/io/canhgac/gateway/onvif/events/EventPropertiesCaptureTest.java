package io.canhgac.gateway.onvif.events;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic lists of the Axis, Hikvision and Pelco cameras (GetEventProperties), topic by topic where it matters. */
class EventPropertiesCaptureTest extends OnvifCaptureTest {

    private List<EventTopic> topics(String path) throws OnvifException {
        List<EventTopic> topics = new OnvifEventsClient(replay(OnvifOperation.GET_EVENT_PROPERTIES, path, 200),
                camera().uri("/onvif/events")).getEventProperties();
        assertRequestLikeCaptured(path);
        assertThat(topics).extracting(EventTopic::topic).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t).matches("[a-z0-9]+:[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*"));
        return topics;
    }

    @Test
    @Capture("axis/events/GetEventProperties.Response.xml")
    void axisTopics() throws Exception {
        List<EventTopic> topics = topics("axis/events/GetEventProperties.Response.xml");
        assertThat(topics).hasSize(25);
        assertThat(topics.get(0)).isEqualTo(new EventTopic("tns1:Device/IO/VirtualInput", true, List.of("active")));
        assertThat(topics).contains(
                new EventTopic("tns1:VideoAnalytics/MotionDetection", true, List.of("motion")),
                new EventTopic("tns1:Device/Casing/Open", true, List.of("Open")),
                new EventTopic("tns1:Device/SystemMessage/ActionFailed", false, List.of("description")),
                new EventTopic("tns1:VideoSource/PTZ/EnterExit", false, List.of()));
        // Axis's own namespace keeps its prefix: these are how it reports its SD card
        assertThat(topics).filteredOn(t -> t.topic().startsWith("tnsaxis:")).extracting(EventTopic::topic)
                .containsExactly("tnsaxis:Storage/Recording", "tnsaxis:Storage/Disruption");
    }

    @Test
    @Capture("hikvision/events/GetEventProperties.Response.xml")
    void hikvisionTopics() throws Exception {
        List<EventTopic> topics = topics("hikvision/events/GetEventProperties.Response.xml");
        // Hikvision marks every level as a topic; only the 20 leaves raise messages
        assertThat(topics).hasSize(20);
        assertThat(topics).extracting(EventTopic::topic).doesNotContain("tns1:RuleEngine", "tns1:Device/Trigger");
        assertThat(topics).contains(
                new EventTopic("tns1:RuleEngine/CellMotionDetector/Motion", true, List.of("IsMotion")),
                new EventTopic("tns1:RuleEngine/TamperDetector/Tamper", true, List.of("IsTamper")),
                new EventTopic("tns1:VideoSource/SignalLoss", true, List.of("State")),
                new EventTopic("tns1:RecordingConfig/JobState", true, List.of("State", "Information")),
                new EventTopic("tns1:Device/HardwareFailure/HardDiskFull", false, List.of()));
    }

    @Test
    @Capture("pelco/events/GetEventProperties.Response.xml")
    void pelcoTopics() throws Exception {
        List<EventTopic> topics = topics("pelco/events/GetEventProperties.Response.xml");
        assertThat(topics).hasSize(26);
        assertThat(topics.get(0)).isEqualTo(new EventTopic("tns1:Advancedsecurity/Keystore/KeyStatus", false,
                List.of("OldStatus", "NewStatus")));
        assertThat(topics).contains(
                new EventTopic("tns1:RuleEngine/CellMotionDetector/Motion", true, List.of("Event", "Value")),
                new EventTopic("tns1:RuleEngine/CameraSabotage/Triggered", false, List.of("Event")),
                new EventTopic("tns1:RecordingHistory/Track/State", true, List.of("IsDataPresent")));
    }
}
