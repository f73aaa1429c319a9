package io.canhgac.gateway.onboarding;

import com.sun.net.httpserver.HttpServer;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import io.canhgac.simulator.SimulatedCamera;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboarding against a simulated camera, a closed port and a web server that is not a camera. */
@Timeout(60)
class CameraOnboardingTest {

    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(2));
    private static CameraSimulator simulator;
    private static SimulatedCamera camera;
    private final CameraOnboarding onboarding =
            new CameraOnboarding(SoapClient.newHttpClient(FAST), FAST, Duration.ofSeconds(3));

    @BeforeAll
    static void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.cameras(72, 1), SimulatedDistrict.sharedAddress());
        camera = simulator.cameras().get(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theRightAccountGivesARecordWithIdentityStreamsSnapshotAndPtz() {
        OnboardingResult result = onboarding.onboard(camera.onvifUrl().orElseThrow(), good());

        assertThat(result).isInstanceOf(OnboardingResult.Onboarded.class);
        CameraRecord record = ((OnboardingResult.Onboarded) result).camera();
        assertThat(record.deviceService()).isEqualTo(URI.create(camera.onvifUrl().orElseThrow()));
        assertThat(record.device().manufacturer()).isEqualTo("Canh Gac");
        assertThat(record.device().model()).isEqualTo("CG-SIM-1");
        assertThat(record.device().serialNumber()).isEqualTo("NST721");
        InetSocketAddress rtsp = camera.rtspAddress();
        assertThat(record.subStream()).isEqualTo(URI.create("rtsp://" + rtsp.getHostString() + ":" + rtsp.getPort() + "/sub"));
        assertThat(record.mainStream()).isEqualTo(URI.create("rtsp://" + rtsp.getHostString() + ":" + rtsp.getPort() + "/main"));
        assertThat(record.mainProfile()).isNotEqualTo(record.subProfile());
        assertThat(record.snapshot().getScheme()).isEqualTo("http");
        assertThat(record.snapshot().getPort()).isEqualTo(record.deviceService().getPort());
        assertThat(record.ptz()).isTrue();
    }

    @Test
    void aHostAndPortIsEnoughToFindTheDeviceService() {
        URI service = URI.create(camera.onvifUrl().orElseThrow());
        OnboardingResult result = onboarding.onboard(service.getHost() + ":" + service.getPort(), good());
        assertThat(result).isInstanceOf(OnboardingResult.Onboarded.class);
        assertThat(((OnboardingResult.Onboarded) result).camera().deviceService()).isEqualTo(service);
    }

    @Test
    void aWrongPasswordSaysSo() {
        OnboardingResult result = onboarding.onboard(camera.onvifUrl().orElseThrow(),
                new OnvifCredentials(SimulatedDistrict.USER, "wrong"));
        assertRefused(result, OnboardingProblem.BAD_CREDENTIALS, "refused the user name or password");
        assertThat(((OnboardingResult.Refused) result).message()).doesNotContain("wrong");
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertRefused(onboarding.onboard("127.0.0.1:" + port, good()), OnboardingProblem.UNREACHABLE, "nothing answers");
    }

    @Test
    void aWebServerThatIsNotACameraIsNotOnvif() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><body>Router login</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            assertRefused(onboarding.onboard("127.0.0.1:" + web.getAddress().getPort(), good()),
                    OnboardingProblem.NOT_ONVIF, "not an ONVIF camera");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void aCameraWhoseStreamSendsNothingIsRefusedForItsStream() {
        CameraOnboarding impatient = new CameraOnboarding(SoapClient.newHttpClient(FAST), FAST, Duration.ofMillis(1500));
        camera.stall();
        try {
            OnboardingResult result = impatient.onboard(camera.onvifUrl().orElseThrow(), good());
            assertRefused(result, OnboardingProblem.STREAM_UNUSABLE, "substream does not open or decode");
            assertThat(((OnboardingResult.Refused) result).detail()).contains("/sub").doesNotContain(SimulatedDistrict.PASSWORD);
        } finally {
            camera.resume();
        }
    }

    @Test
    void theFailuresReadDifferently() {
        assertThat(OnboardingProblem.values()).extracting(OnboardingProblem::explanation).doesNotHaveDuplicates();
    }

    private static OnvifCredentials good() {
        return new OnvifCredentials(SimulatedDistrict.USER, SimulatedDistrict.PASSWORD);
    }

    private static void assertRefused(OnboardingResult result, OnboardingProblem problem, String wording) {
        assertThat(result).isInstanceOf(OnboardingResult.Refused.class);
        OnboardingResult.Refused refused = (OnboardingResult.Refused) result;
        assertThat(refused.problem()).isEqualTo(problem);
        assertThat(refused.message()).contains(wording).contains("Check ");
        assertThat(refused.detail()).isNotBlank();
    }
}
