package io.canhgac.contract.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.DiscoveredDevice;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.CameraTopic;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.contract.recording.RecordedSpan;
import io.canhgac.contract.recording.RecordingGap;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkMessagesTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyMessageCrossesAsJsonAndComesBackTheSame() throws Exception {
        DeviceDescription device = new DeviceDescription("http://127.0.10.11:8899/onvif/device_service", "Hikvision",
                "DS-2DE4425IW-DE", "5.7.3", "SN1", "hw", "main", "rtsp://127.0.10.11:8554/main", "sub",
                "rtsp://127.0.10.11:8554/sub", null, true);
        List<LinkMessage> messages = List.of(
                new LinkRequest.Sweep(1, "127.0.10.1-127.0.10.254"),
                new LinkRequest.Describe(2, "127.0.10.11", "admin", "NSQL01@1497"),
                new LinkRequest.Ptz(3, "QL-01", new PtzCommand(PtzCommand.Action.MOVE, 0.5, 0, 0, null)),
                new LinkRequest.Snapshot(4, "QL-01", "sub"),
                new LinkRequest.Topics(5, "QL-01"),
                // PTZ presets and imaging (issue 16)
                new LinkRequest.Ptz(12, "QL-01", new PtzCommand(PtzCommand.Action.ABSOLUTE, -0.25, 0.5, 0.75, null)),
                new LinkRequest.Ptz(13, "QL-01", new PtzCommand(PtzCommand.Action.RELATIVE, 0.1, -0.1, 0, null)),
                new LinkRequest.Ptz(14, "QL-01", new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "Cổng chợ")),
                new LinkRequest.Ptz(15, "QL-01", new PtzCommand(PtzCommand.Action.REMOVE_PRESET, 0, 0, 0, "4")),
                new LinkRequest.Imaging(16, "QL-01"),
                new LinkRequest.Presets(17, "QL-01"),
                new LinkReply.Imaging(16, new CameraImaging(50.0, 45.5, 50.0, null, "AUTO", "OFF", "ON", "AUTO", null)),
                new LinkReply.Presets(17, List.of(new CameraPreset("1", "Home", 0.0, 0.0, 0.0),
                        new CameraPreset("2", "", null, null, null))),
                new LinkRequest.LiveStart(7, "QL-01", "sub"),
                new LinkRequest.LiveStop(7),
                new LinkRequest.CamerasChanged(),
                new LinkRequest.MediaWanted(UUID.randomUUID()),
                new LinkReply.Hello("0.1.0", Instant.parse("2026-12-07T01:02:03Z")),
                new LinkReply.Status(new GatewayStatus(Instant.parse("2026-12-07T01:02:03Z"), 11, 42, 9000,
                        Instant.parse("2026-12-07T00:52:03Z"), 0, false, 3, 2_000_000, 0, 1234)),
                new LinkReply.Progress(1, 40, 254, 3),
                new LinkReply.Swept(1, List.of(new DiscoveredDevice("urn:uuid:1", device.deviceService(), "127.0.10.11",
                        "QL-01", "Hikvision", "DS-2DE4425IW-DE", "que-loc", null))),
                new LinkReply.Described(2, device),
                new LinkReply.Done(3),
                new LinkReply.Topics(5, List.of(new CameraTopic("tns1:RuleEngine/CellMotionDetector/Motion", true,
                        List.of("IsMotion")), new CameraTopic("tnsaxis:Storage/Disruption", true, List.of("disruption")))),
                new LinkReply.Failed(2, "NOT_AUTHORIZED", "the camera refused the account"),
                new LinkReply.LiveEnded(7, "CAMERA_UNREACHABLE", "connection refused"),
                new LinkRequest.Recordings(8, "QL-01", Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z")),
                new LinkRequest.PlaybackStart(9, "QL-01", Instant.parse("2026-12-07T02:10:00Z"), 4),
                new LinkRequest.RecordingHold(10, UUID.randomUUID(), "QL-01", Instant.parse("2026-12-07T02:00:00Z"),
                        Instant.parse("2026-12-07T02:20:00Z"), true),
                new LinkRequest.RecordingExport(11, UUID.randomUUID(), "QL-01", Instant.parse("2026-12-07T02:00:00Z"),
                        Instant.parse("2026-12-07T02:20:00Z")),
                new LinkReply.Recorded(8, List.of(new RecordedSpan(Instant.parse("2026-12-07T00:00:00Z"),
                        Instant.parse("2026-12-07T02:05:00Z"), "main")), List.of(new RecordingGap(
                        Instant.parse("2026-12-07T02:05:00Z"), Instant.parse("2026-12-07T02:07:30Z"), "CAMERA_OFFLINE")),
                        Instant.parse("2026-11-30T00:00:00Z")));
        for (LinkMessage m : messages) {
            String text = json.writeValueAsString(m);
            assertThat(json.readValue(text, LinkMessage.class)).as(text).isEqualTo(m);
        }
        LinkReply.LiveOpened opened = new LinkReply.LiveOpened(7, "h264", 640, 360, new byte[]{0, 0, 0, 1, 0x67});
        LinkReply.LiveOpened back = (LinkReply.LiveOpened) json.readValue(json.writeValueAsString(opened), LinkMessage.class);
        assertThat(back.extradata()).containsExactly(0, 0, 0, 1, 0x67);
        assertThat(back.width()).isEqualTo(640);
    }

    @Test
    void aRecordingRangeThatEndsBeforeItStartsOrAnOddSpeedIsRefused() {
        Instant t = Instant.parse("2026-12-07T02:10:00Z");
        assertThatThrownBy(() -> new LinkRequest.Recordings(1, "QL-01", t, t)).hasMessageContaining("ends before");
        assertThatThrownBy(() -> new LinkRequest.PlaybackStart(1, "QL-01", t, 3)).hasMessageContaining("1, 2, 4 or 8");
        assertThatThrownBy(() -> new RecordedSpan(t, t.minusSeconds(1), "main")).hasMessageContaining("ends before");
    }

    @Test
    void theKindIsNamedInTheJsonAndAPasswordNeverInToString() throws Exception {
        LinkRequest.Describe describe = new LinkRequest.Describe(2, "127.0.10.11", "admin", "secret-pw");
        assertThat(json.writeValueAsString(describe)).contains("\"type\":\"describe\"");
        assertThat(describe.toString()).doesNotContain("secret-pw");
        assertThatThrownBy(() -> json.readValue("{\"type\":\"no-such\"}", LinkMessage.class))
                .hasMessageContaining("no-such");
    }

    @Test
    void binaryFramesCarryLivePacketsAndSnapshots() {
        byte[] data = {9, 8, 7, 6, 5};
        ByteBuffer frame = LinkFrames.livePacket(42, true, 90_000, 93_600, data, 1, 3);
        assertThat(LinkFrames.kind(frame)).isEqualTo(LinkFrames.LIVE_PACKET);
        assertThat(frame.remaining()).as("header plus the 3 bytes asked for").isEqualTo(LinkFrames.LIVE_HEADER + 3);
        LinkFrames.LivePacket packet = LinkFrames.readLivePacket(frame);
        assertThat(packet).isEqualTo(new LinkFrames.LivePacket(42, true, 90_000, 93_600, new byte[]{8, 7, 6}));
        assertThat(frame.position()).as("reading does not consume").isZero();

        LinkFrames.SnapshotPicture picture = LinkFrames.readSnapshot(LinkFrames.snapshot(5, new byte[]{(byte) 0xFF, (byte) 0xD8}));
        assertThat(picture.requestId()).isEqualTo(5);
        assertThat(picture.jpeg()).containsExactly(0xFF, 0xD8);

        assertThatThrownBy(() -> LinkFrames.readSnapshot(frame)).hasMessageContaining("kind 1");
        assertThatThrownBy(() -> LinkFrames.readLivePacket(ByteBuffer.wrap(new byte[]{1, 0, 0}))).hasMessageContaining("shorter");
        assertThatThrownBy(() -> LinkFrames.kind(ByteBuffer.allocate(0))).hasMessageContaining("empty");
    }

    @Test
    void aPtzCommandSaysWhatIsWrongWithItBeyondItsFieldsRanges() {
        assertThat(new PtzCommand(PtzCommand.Action.ABSOLUTE, 1, -1, 0, null).problem()).isNull();
        assertThat(new PtzCommand(PtzCommand.Action.ABSOLUTE, 0, 0, -0.1, null).problem()).startsWith("zoom:");
        assertThat(new PtzCommand(PtzCommand.Action.RELATIVE, 0, 0, -0.1, null).problem()).isNull();
        assertThat(new PtzCommand(PtzCommand.Action.PRESET, 0, 0, 0, null).problem()).startsWith("preset:");
        assertThat(new PtzCommand(PtzCommand.Action.REMOVE_PRESET, 0, 0, 0, "Preset_1").problem()).isNull();
        assertThat(new PtzCommand(PtzCommand.Action.REMOVE_PRESET, 0, 0, 0, "1</tt:x>").problem()).startsWith("preset:");
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "Cổng chợ").problem()).isNull();
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, "3", "Cổng chợ").problem()).isNull();
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, " ").problem()).startsWith("presetName:");
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "a\nb").problem()).startsWith("presetName:");
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "x".repeat(65)).problem()).startsWith("presetName:");
        assertThat(new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "Gate").changesPresets()).isTrue();
        assertThat(new PtzCommand(PtzCommand.Action.PRESET, 0, 0, 0, "1").changesPresets()).isFalse();
    }
}
