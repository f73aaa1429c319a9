package io.canhgac.gateway.camera;

import io.canhgac.contract.CameraEvent;
import io.canhgac.contract.CameraStatus;
import io.canhgac.contract.EventType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.canhgac.gateway.camera.CameraStatusMerger.Source.ONVIF;
import static io.canhgac.gateway.camera.CameraStatusMerger.Source.STREAM;
import static org.assertj.core.api.Assertions.assertThat;

class CameraStatusMergerTest {

    private final List<CameraEvent> out = new ArrayList<>();
    private final CameraStatusMerger merger = new CameraStatusMerger(out::add);

    private void report(CameraStatusMerger.Source source, String camera, CameraStatus status, String detail) {
        merger.from(source).accept(CameraEvent.health(camera, status, Instant.now(), detail));
    }

    private List<String> reported() {
        return out.stream().map(e -> e.cameraId() + " " + e.status() + (e.detail() == null ? "" : " (" + e.detail() + ")")).toList();
    }

    @Test
    void aCameraIsAsBadAsTheWorseWatcherAndEachChangeIsReportedOnce() {
        report(STREAM, "QL-01", CameraStatus.ONLINE, null);
        report(ONVIF, "QL-01", CameraStatus.ONLINE, null);
        // the power fails: both watchers notice, one event
        report(STREAM, "QL-01", CameraStatus.OFFLINE, "connection refused");
        report(ONVIF, "QL-01", CameraStatus.OFFLINE, "unreachable");
        // the stream comes back first: still offline while ONVIF does not answer
        report(STREAM, "QL-01", CameraStatus.ONLINE, null);
        report(ONVIF, "QL-01", CameraStatus.ONLINE, null);

        assertThat(reported()).containsExactly("QL-01 ONLINE", "QL-01 OFFLINE (stream: connection refused)", "QL-01 ONLINE");
        assertThat(out).extracting(CameraEvent::type)
                .containsExactly(EventType.CAMERA_ONLINE, EventType.CAMERA_OFFLINE, EventType.CAMERA_ONLINE);
    }

    @Test
    void aChangedPasswordSeenByOnvifShowsWhileTheStreamStillPlays() {
        report(STREAM, "QL-02", CameraStatus.ONLINE, null);
        report(ONVIF, "QL-02", CameraStatus.UNAUTHORIZED, "not authorized");
        report(STREAM, "QL-02", CameraStatus.DEGRADED, "picture frozen");

        assertThat(reported()).containsExactly("QL-02 ONLINE", "QL-02 UNAUTHORIZED (ONVIF: not authorized)");
        assertThat(merger.status("QL-02")).isEqualTo(CameraStatus.UNAUTHORIZED);
    }

    @Test
    void camerasAreIndependentOtherEventsPassAndAForgottenCameraStartsAfresh() {
        report(STREAM, "A", CameraStatus.OFFLINE, "refused");
        report(STREAM, "B", CameraStatus.ONLINE, null);
        CameraEvent motion = CameraEvent.motion("A", EventType.MOTION_START, Instant.now(), 0.2);
        merger.from(STREAM).accept(motion);
        merger.forget("A");
        report(STREAM, "A", CameraStatus.OFFLINE, "refused");

        assertThat(out).hasSize(4);
        assertThat(out.get(2)).isSameAs(motion);
        assertThat(reported()).containsExactly("A OFFLINE (stream: refused)", "B ONLINE", "A null", "A OFFLINE (stream: refused)");
    }
}
