package io.canhgac.simulator.onvif;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import io.canhgac.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A camera recording onto its card lists Recording Search and Replay; one that does not, neither. */
class CardRecordingOnvifTest {

    static CameraSimulator simulator;
    static SimulatedCamera recording;
    static SimulatedCamera plain;

    @BeforeAll
    static void start() throws Exception {
        DistrictInventory inventory = new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh", List.of(new Commune("que-loc", "Quế Lộc")),
                List.of(camera("QL-01"), camera("QL-02")));
        simulator = CameraSimulator.start(inventory, SimulatorOptions.forTests(Path.of("target/scene-cache"),
                n -> SimulatedCameraOnvifTest.SCENE).withOnvif().withCardRecording("QL-01"::equals));
        recording = simulator.camera("QL-01");
        plain = simulator.camera("QL-02");
    }

    private static CameraSpec camera(String id) {
        return new CameraSpec(id, "Chợ " + id, "que-loc", 15.7, 108.0, null, "Hikvision", "DS-2CD2043G2-I", false,
                "admin", "NS@2026", "s", 0, null);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static OnvifSoapClient client(SimulatedCamera camera) {
        String url = camera.onvifUrl().orElseThrow();
        return new OnvifSoapClient(url.substring(0, url.indexOf("/onvif/")), "admin", "NS@2026");
    }

    private static String service(SimulatedCamera camera, String name) {
        return camera.onvifUrl().orElseThrow().replace("device_service", name);
    }

    @Test
    void theCardsRecordingIsFoundAndItsReplayUriGiven() throws Exception {
        OnvifSoapClient onvif = client(recording);
        String services = onvif.call(recording.onvifUrl().orElseThrow(),
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>").xml();
        assertThat(services).contains("http://www.onvif.org/ver10/search/wsdl").contains(service(recording, "search_service"))
                .contains("http://www.onvif.org/ver10/replay/wsdl").contains(service(recording, "replay_service"));
        assertThat(onvif.call(recording.onvifUrl().orElseThrow(), "<tds:GetCapabilities/>").xml())
                .contains("<tt:Search><tt:XAddr>" + service(recording, "search_service"));

        String search = onvif.call(service(recording, "search_service"), "<tse:FindRecordings><tse:Scope/>"
                + "<tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>").xml();
        Matcher token = Pattern.compile("<tse:SearchToken>([^<]+)</tse:SearchToken>").matcher(search);
        assertThat(token.find()).isTrue();
        String results = onvif.call(service(recording, "search_service"), "<tse:GetRecordingSearchResults><tse:SearchToken>"
                + token.group(1) + "</tse:SearchToken></tse:GetRecordingSearchResults>").xml();
        assertThat(results).contains("<tt:SearchState>Completed</tt:SearchState>").contains("<tt:RecordingToken>sub</tt:RecordingToken>");
        Matcher earliest = Pattern.compile("<tt:EarliestRecording>([^<]+)</tt:EarliestRecording>").matcher(results);
        assertThat(earliest.find()).isTrue();
        assertThat(Duration.between(Instant.parse(earliest.group(1)), Instant.now()).toHours()).as("the last day").isEqualTo(24);

        String summary = onvif.call(service(recording, "search_service"), "<tse:GetRecordingSummary/>").xml();
        assertThat(summary).contains("<tt:NumberRecordings>1</tt:NumberRecordings>");
        String info = onvif.call(service(recording, "search_service"),
                "<tse:GetRecordingInformation><tse:RecordingToken>sub</tse:RecordingToken></tse:GetRecordingInformation>").xml();
        assertThat(info).contains("<tt:TrackType>Video</tt:TrackType>");

        String uri = onvif.call(service(recording, "replay_service"), "<trp:GetReplayUri><trp:StreamSetup><tt:Stream>RTP-Unicast"
                + "</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trp:StreamSetup>"
                + "<trp:RecordingToken>sub</trp:RecordingToken></trp:GetReplayUri>").xml();
        assertThat(uri).contains("<trp:Uri>rtsp://127.0.0.1:" + recording.rtspAddress().getPort() + "/replay/sub</trp:Uri>");
    }

    @Test
    void aCameraWithoutACardListsNeitherAndRefusesTheCalls() throws Exception {
        OnvifSoapClient onvif = client(plain);
        String services = onvif.call(plain.onvifUrl().orElseThrow(),
                "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>").xml();
        assertThat(services).doesNotContain("<tds:Namespace>http://www.onvif.org/ver10/search/wsdl")
                .doesNotContain("<tds:Namespace>http://www.onvif.org/ver10/replay/wsdl");
        assertThat(onvif.call(service(plain, "search_service"), "<tse:GetRecordingSummary/>").xml())
                .contains("ActionNotSupported");
        assertThat(plain.storage()).isEmpty();
    }
}
