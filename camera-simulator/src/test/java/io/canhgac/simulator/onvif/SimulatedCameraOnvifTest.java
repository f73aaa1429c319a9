package io.canhgac.simulator.onvif;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A simulated camera's ONVIF side as the simulator wires it: identity from the inventory, one account, power, events. */
class SimulatedCameraOnvifTest {

    /** A person crosses from 1 s to 3 s of a 4 s loop. */
    static final SceneScript SCENE = new SceneScript("onvif-wiring", 320, 180, 5, 4, 1.0, 4,
            List.of(new MovingObject("person", 1, 3, 20, 40, 100, 230)));
    static CameraSimulator simulator;
    static SimulatedCamera camera;

    @BeforeAll
    static void start() throws Exception {
        DistrictInventory inventory = new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh", List.of(new Commune("que-loc", "Quế Lộc")),
                List.of(new CameraSpec("QL-01", "Chợ Quế Lộc", "que-loc", 15.7, 108.0, null, "Hikvision", "DS-2CD2043G2-I", false,
                        "admin", "NS@2026", "s", 0, null)));
        simulator = CameraSimulator.start(inventory, SimulatorOptions.forTests(Path.of("target/scene-cache"), n -> SCENE).withOnvif());
        camera = simulator.camera("QL-01");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static OnvifSoapClient client(String password) {
        String url = camera.onvifUrl().orElseThrow();
        return new OnvifSoapClient(url.substring(0, url.indexOf("/onvif/")), "admin", password);
    }

    @Test
    void answersWithTheInventorysIdentityAndItsOwnStreams() throws Exception {
        OnvifSoapClient onvif = client("NS@2026");
        String info = onvif.call(camera.onvifUrl().orElseThrow(), "<tds:GetDeviceInformation/>").xml();
        assertThat(info).contains("<tds:Manufacturer>Hikvision</tds:Manufacturer>").contains("DS-2CD2043G2-I")
                .contains("<tds:SerialNumber>NSQL01</tds:SerialNumber>");

        String media = camera.onvifUrl().orElseThrow().replace("device_service", "media_service");
        String uri = onvif.call(media, "<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                + "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup>"
                + "<trt:ProfileToken>sub</trt:ProfileToken></trt:GetStreamUri>").xml();
        assertThat(uri).contains("rtsp://127.0.0.1:" + camera.rtspAddress().getPort() + "/sub").doesNotContain("NS@2026");
    }

    @Test
    void aFixedCameraAdvertisesNoPtzAndRefusesPtzCalls() throws Exception {
        OnvifSoapClient onvif = client("NS@2026");
        String capabilities = onvif.call(camera.onvifUrl().orElseThrow(),
                "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>").xml();
        assertThat(capabilities).contains("<tt:Media>").doesNotContain("<tt:PTZ>");
        String scopes = onvif.call(camera.onvifUrl().orElseThrow(), "<tds:GetScopes/>").xml();
        assertThat(scopes).doesNotContain("type/ptz");
        String ptz = onvif.call(camera.onvifUrl().orElseThrow().replace("device_service", "ptz_service"),
                "<tptz:GetPresets><tptz:ProfileToken>main</tptz:ProfileToken></tptz:GetPresets>").xml();
        assertThat(ptz).contains("Fault").contains("ActionNotSupported");
    }

    @Test
    void oneAccountForRtspAndOnvif() throws Exception {
        try {
            camera.changePassword("Moi@2026");
            assertThat(client("NS@2026").call(camera.onvifUrl().orElseThrow(), "<tds:GetDeviceInformation/>").xml())
                    .contains("NotAuthorized");
            assertThat(client("Moi@2026").call(camera.onvifUrl().orElseThrow(), "<tds:GetDeviceInformation/>").xml())
                    .contains("<tds:Manufacturer>Hikvision</tds:Manufacturer>");
        } finally {
            camera.changePassword("NS@2026");
        }
    }

    @Test
    void snapshotIsAJpegOfTheScene() throws Exception {
        String url = camera.onvifUrl().orElseThrow();
        String snapshotUri = client("NS@2026").call(url.replace("device_service", "media_service"),
                "<trt:GetSnapshotUri><trt:ProfileToken>sub</trt:ProfileToken></trt:GetSnapshotUri>").xml()
                .replaceAll("(?s).*<tt:Uri>([^<]+)</tt:Uri>.*", "$1");
        HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(snapshotUri)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).as("the snapshot needs the account too").isEqualTo(401);
    }

    @Test
    void poweredOffMeansOnvifIsGoneTooAndComesBack() throws Exception {
        camera.offlineFor(Duration.ofMillis(1200));
        assertThatThrownBy(() -> client("NS@2026").call(camera.onvifUrl().orElseThrow(), "<tds:GetDeviceInformation/>"))
                .isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> camera.faults().poweredOn());
        assertThat(client("NS@2026").call(camera.onvifUrl().orElseThrow(), "<tds:GetDeviceInformation/>").status()).isEqualTo(200);
    }

    @Test
    void cameraSideMotionFollowsTheScene() throws Exception {
        OnvifSoapClient onvif = client("NS@2026");
        String events = camera.onvifUrl().orElseThrow().replace("device_service", "events_service");
        String created = onvif.call(events, "<tev:CreatePullPointSubscription><tev:InitialTerminationTime>PT60S</tev:InitialTerminationTime>"
                + "</tev:CreatePullPointSubscription>").xml();
        String address = created.replaceAll("(?s).*<wsa:Address>([^<]+)</wsa:Address>.*", "$1");
        assertThat(address).startsWith("http://127.0.0.1:");
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(9).toNanos();
        while (System.nanoTime() < deadline && !(seen.toString().contains("Value=\"true\"") && seen.toString().contains("Value=\"false\""))) {
            seen.append(onvif.call(address, "<tev:PullMessages><tev:Timeout>PT2S</tev:Timeout><tev:MessageLimit>10</tev:MessageLimit>"
                    + "</tev:PullMessages>").xml());
        }
        assertThat(seen.toString()).contains("tns1:RuleEngine/CellMotionDetector/Motion")
                .contains("Name=\"IsMotion\" Value=\"true\"").contains("Name=\"IsMotion\" Value=\"false\"");
    }
}
