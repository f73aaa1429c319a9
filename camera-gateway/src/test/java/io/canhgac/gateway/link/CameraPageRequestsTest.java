package io.canhgac.gateway.link;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.CameraImaging;
import io.canhgac.contract.registry.CameraPreset;
import io.canhgac.contract.registry.PtzCommand;
import io.canhgac.gateway.discovery.SweepSettings;
import io.canhgac.gateway.discovery.WsDiscoveryProbe;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.registry.CameraImagingReader;
import io.canhgac.gateway.registry.CameraTopics;
import io.canhgac.gateway.registry.PtzControl;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the camera page and the live wall ask of a commune's gateway beyond continuous PTZ, answered
 * against the simulator: a Hikvision PTZ dome (Media) has its presets listed, saved, gone to and
 * removed, absolute and relative moves, and its imaging read; the Media2-only Dahua eyeball has its
 * imaging read through Media2, and a PTZ call the camera does not implement says so.
 */
@Timeout(60)
class CameraPageRequestsTest {

    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(2));
    private static CameraSimulator simulator;
    private static Map<String, CameraAssignment> assignments;
    private static GatewayRequests requests;
    private final Answers answers = new Answers();

    @BeforeAll
    static void start() throws Exception {
        List<CameraSpec> specs = List.of(spec(1, "DS-2DE4425IW-DE", true), spec(2, "IPC-HDW1230T1-S5", false));
        simulator = CameraSimulator.start(new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh",
                List.of(new Commune("que-loc", "Quế Lộc")), specs), SimulatedDistrict.sharedAddress());
        // the eyeball registered as PTZ by mistake: the gateway asks, the camera has no PTZ service
        assignments = simulator.cameras().stream().collect(Collectors.toMap(SimulatedCamera::id, c -> new CameraAssignment(
                c.id(), c.name(), "que-loc", c.onvifUrl().orElseThrow(), c.rtspUrl("sub"), c.rtspUrl("main"), null, true,
                SimulatedDistrict.USER, SimulatedDistrict.PASSWORD, null, null, "main")));
        HttpClient http = SoapClient.newHttpClient(FAST);
        requests = new GatewayRequests(WsDiscoveryProbe.anyNetwork(), SweepSettings.DEFAULTS, null, new PtzControl(http, FAST),
                new CameraTopics(http, FAST), new CameraImagingReader(http, FAST),
                id -> Optional.ofNullable(assignments.get(id)), () -> { }, (r, replies) -> { });
    }

    private static CameraSpec spec(int i, String model, boolean ptz) {
        return new CameraSpec(SimulatedDistrict.id(74, i), "Camera " + i, "que-loc", null, null, "127.0.74." + (10 + i),
                "OEM", model, ptz, SimulatedDistrict.USER, SimulatedDistrict.PASSWORD, SimulatedDistrict.SCENE.name(), i, null);
    }

    @AfterAll
    static void stop() {
        requests.close();
        simulator.close();
    }

    private static final String DOME = SimulatedDistrict.id(74, 1);
    private static final String EYEBALL = SimulatedDistrict.id(74, 2);

    @Test
    void presetsAreSavedGoneToAndRemovedAndTheHeadMovesToAndByAPosition() throws Exception {
        List<CameraPreset> before = presets(DOME);
        assertThat(before).extracting(CameraPreset::name).containsExactly("Home", "Gate", "Road");
        assertThat(before.get(1).pan()).isEqualTo(-0.5, within(1e-6));

        ptz(DOME, new PtzCommand(PtzCommand.Action.ABSOLUTE, 0.4, -0.2, 0.5, null));
        assertThat(pan(DOME)).isEqualTo(0.4, within(1e-6));
        ptz(DOME, new PtzCommand(PtzCommand.Action.RELATIVE, 0.1, 0, 0, null));
        assertThat(pan(DOME)).isEqualTo(0.5, within(1e-6));
        ptz(DOME, new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, "Cổng chợ"));
        CameraPreset saved = presets(DOME).stream().filter(p -> p.name().equals("Cổng chợ")).findFirst().orElseThrow();
        assertThat(saved.token()).isEqualTo("4");
        assertThat(saved.pan()).isEqualTo(0.5, within(1e-6));
        assertThat(saved.zoom()).isEqualTo(0.5, within(1e-6));

        ptz(DOME, new PtzCommand(PtzCommand.Action.PRESET, 0, 0, 0, "1"));
        assertThat(pan(DOME)).isEqualTo(0, within(1e-6));
        ptz(DOME, new PtzCommand(PtzCommand.Action.PRESET, 0, 0, 0, saved.token()));
        assertThat(pan(DOME)).isEqualTo(0.5, within(1e-6));
        ptz(DOME, new PtzCommand(PtzCommand.Action.REMOVE_PRESET, 0, 0, 0, saved.token()));
        assertThat(presets(DOME)).isEqualTo(before);

        LinkReply.Failed gone = failed(new LinkRequest.Ptz(9, DOME, new PtzCommand(PtzCommand.Action.PRESET, 0, 0, 0, "4")));
        assertThat(gone.problem()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void imagingIsReadOverMediaAndOverMedia2() throws Exception {
        for (String camera : List.of(DOME, EYEBALL)) {
            CameraImaging imaging = ((LinkReply.Imaging) ask(new LinkRequest.Imaging(2, camera))).imaging();
            assertThat(imaging.brightness()).as(camera).isEqualTo(50.0);
            assertThat(imaging.contrast()).isEqualTo(50.0);
            assertThat(imaging.sharpness()).isEqualTo(50.0);
            assertThat(imaging.irCutFilter()).isIn("ON", "OFF");
            assertThat(imaging.exposureMode()).isEqualTo("AUTO");
            assertThat(imaging.whiteBalanceMode()).isEqualTo("AUTO");
            assertThat(imaging.wideDynamicRange()).isEqualTo("OFF");
        }
    }

    @Test
    void aCameraWithoutPtzSaysItDoesNotSupportTheCallAndAnUnknownCameraIsNamed() throws Exception {
        LinkReply.Failed unsupported = failed(new LinkRequest.Presets(3, EYEBALL));
        assertThat(unsupported.problem()).isEqualTo("ACTION_NOT_SUPPORTED");
        assertThat(unsupported.message()).startsWith("Camera " + EYEBALL + ": the camera does not support GetPresets.");
        assertThat(failed(new LinkRequest.Imaging(4, "QL-99")).problem()).isEqualTo("UNKNOWN_CAMERA");
        // checked by the centre already; a gateway refuses it too rather than send it to a camera
        LinkReply.Failed bad = failed(new LinkRequest.Ptz(5, DOME, new PtzCommand(PtzCommand.Action.SET_PRESET, 0, 0, 0, null, " ")));
        assertThat(bad.problem()).isEqualTo("BAD_REQUEST");
    }

    private List<CameraPreset> presets(String camera) throws Exception {
        return ((LinkReply.Presets) ask(new LinkRequest.Presets(1, camera))).presets();
    }

    private void ptz(String camera, PtzCommand command) throws Exception {
        assertThat(ask(new LinkRequest.Ptz(1, camera, command))).as(command.toString()).isEqualTo(new LinkReply.Done(1));
    }

    private LinkReply.Failed failed(LinkRequest.Call request) throws Exception {
        return (LinkReply.Failed) ask(request);
    }

    private static double pan(String camera) {
        return simulator.camera(camera).pan().orElseThrow();
    }

    private LinkReply ask(LinkRequest.Call request) throws Exception {
        requests.handle(request, answers);
        LinkReply reply = answers.queue.poll(10, TimeUnit.SECONDS);
        assertThat(reply).as("an answer to " + request).isNotNull();
        return reply;
    }

    /** The link's reply side: answers only, as these calls send no pictures or video. */
    private static final class Answers implements LinkReplies {
        final LinkedBlockingQueue<LinkReply> queue = new LinkedBlockingQueue<>();

        @Override
        public void reply(LinkReply reply) {
            queue.add(reply);
        }

        @Override
        public void picture(ByteBuffer frame) {
            throw new AssertionError("no picture expected");
        }

        @Override
        public boolean live(ByteBuffer frame) {
            throw new AssertionError("no live video expected");
        }

        @Override
        public long liveBacklog() {
            return 0;
        }
    }
}
