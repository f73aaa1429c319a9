package io.canhgac.gateway.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.EventType;
import io.canhgac.contract.MotionBox;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway sends for a motion end with its extent, and that a strict reader gets the same event back. */
class MotionEventJsonTest {

    @Test
    void aMotionEndTravelsWithItsStartAndBoxesAndNothingElse() throws Exception {
        CameraEvent end = CameraEvent.motion("QL-01", EventType.MOTION_END, Instant.parse("2026-11-22T01:00:09Z"), 0.03,
                Instant.parse("2026-11-22T01:00:01.5Z"), List.of(new MotionBox(0.25, 0.5, 0.125, 0.2)));
        String json = GatewayJson.mapper().writeValueAsString(end);
        JsonNode tree = GatewayJson.mapper().readTree(json);
        assertThat(tree.get("startedAt").asText()).isEqualTo("2026-11-22T01:00:01.500Z");
        assertThat(tree.get("boxes").get(0).has("area")).as("derived values are not sent").isFalse();

        CameraEvent back = GatewayJson.mapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json, CameraEvent.class);
        assertThat(back).isEqualTo(end);
    }

    @Test
    void anOlderGatewaysEventReadsWithNullExtent() throws Exception {
        CameraEvent old = GatewayJson.mapper().readValue("""
                {"id":"6f1c2a9e-8a53-4d3e-9a43-1b1d6c0f5a11","cameraId":"QL-01","type":"MOTION_START",
                 "occurredAt":"2026-11-22T01:00:00Z","score":0.02}""", CameraEvent.class);
        assertThat(old.startedAt()).isNull();
        assertThat(old.boxes()).isNull();
        assertThat(old.score()).isEqualTo(0.02);
    }
}
