package io.canhgac.gateway.health;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.gateway.onvif.events.EventItem;
import io.canhgac.gateway.onvif.events.EventMessage;
import io.canhgac.gateway.onvif.events.PropertyOperation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CameraEventMapperTest {

    private static final String MOTION = "tns1:RuleEngine/CellMotionDetector/Motion";
    private static final String TAMPER = "tns1:VideoSource/GlobalSceneChange/ImagingService";
    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    private final CameraEventMapper mapper = new CameraEventMapper("CAM");

    @Test
    void changesBecomeStartAndEndOnOurClock() {
        CameraEvent start = mapper.map(message(MOTION, "IsMotion", "true", PropertyOperation.CHANGED), Duration.ofSeconds(5)).orElseThrow();
        assertThat(start.type()).isEqualTo(EventType.CAMERA_MOTION_START);
        assertThat(start.occurredAt()).isEqualTo(T.minusSeconds(5));
        assertThat(start.cameraId()).isEqualTo("CAM");
        assertThat(start.status()).isNull();
        assertThat(start.detail()).contains(MOTION).contains("VideoSourceConfigurationToken=vsc");
        assertThat(mapper.map(message(MOTION, "IsMotion", "false", PropertyOperation.CHANGED), Duration.ZERO))
                .map(CameraEvent::type).contains(EventType.CAMERA_MOTION_END);
        assertThat(mapper.map(message(TAMPER, "State", "true", PropertyOperation.CHANGED), Duration.ZERO))
                .map(CameraEvent::type).contains(EventType.CAMERA_TAMPER_START);
    }

    @Test
    void theStateRepeatedOnANewSubscriptionIsNotNews() {
        assertThat(mapper.map(message(TAMPER, "State", "false", PropertyOperation.INITIALIZED), Duration.ZERO)).isEmpty();
        assertThat(mapper.map(message(TAMPER, "State", "true", PropertyOperation.CHANGED), Duration.ZERO)).isPresent();
        // the camera rebooted; the new subscription says tamper is still on: no second start
        assertThat(mapper.map(message(TAMPER, "State", "true", PropertyOperation.INITIALIZED), Duration.ZERO)).isEmpty();
        // ... or that it ended while we were away: that is news
        assertThat(mapper.map(message(TAMPER, "State", "false", PropertyOperation.INITIALIZED), Duration.ZERO))
                .map(CameraEvent::type).contains(EventType.CAMERA_TAMPER_END);
    }

    @Test
    void otherTopicsAndDeletedPropertiesAreIgnored() {
        assertThat(mapper.map(message("tns1:Device/Trigger/DigitalInput", "LogicalState", "true", PropertyOperation.CHANGED),
                Duration.ZERO)).isEmpty();
        assertThat(mapper.map(message(MOTION, "IsMotion", "true", PropertyOperation.DELETED), Duration.ZERO)).isEmpty();
        assertThat(CameraEventMapper.kind("tns1:VideoSource/MotionAlarm")).contains(CameraEventMapper.Kind.MOTION);
        assertThat(CameraEventMapper.kind("tns1:RuleEngine/TamperDetector/Tamper")).contains(CameraEventMapper.Kind.TAMPER);
        assertThat(CameraEventMapper.kind("tns1:Monitoring/ProcessorUsage")).isEqualTo(Optional.empty());
    }

    private static EventMessage message(String topic, String item, String value, PropertyOperation op) {
        return new EventMessage(topic, T, op, List.of(new EventItem("VideoSourceConfigurationToken", "vsc")),
                List.of(new EventItem(item, value)));
    }
}
