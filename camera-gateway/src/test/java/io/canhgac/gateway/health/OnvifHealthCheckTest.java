package io.canhgac.gateway.health;

import com.sun.net.httpserver.HttpServer;
import io.canhgac.contract.CameraStatus;
import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.testing.SimulatedDistrict;
import io.canhgac.simulator.CameraSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each status the ONVIF check can give, from a real simulated camera and from things that are not one. */
@Timeout(60)
class OnvifHealthCheckTest {

    private static final OnvifClientSettings FAST = OnvifClientSettings.DEFAULTS.withTimeout(Duration.ofSeconds(1));
    private static CameraSimulator simulator;
    private static URI deviceService;

    @BeforeAll
    static void start() throws Exception {
        simulator = CameraSimulator.start(SimulatedDistrict.cameras(75, 1), SimulatedDistrict.sharedAddress());
        deviceService = URI.create(simulator.cameras().get(0).onvifUrl().orElseThrow());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theRightAccountIsOnline() {
        assertThat(check(deviceService, SimulatedDistrict.PASSWORD)).isEqualTo(HealthVerdict.ONLINE);
    }

    @Test
    void aRefusedAccountIsUnauthorizedNotOffline() {
        HealthVerdict verdict = check(deviceService, "stale-password");
        assertThat(verdict.status()).isEqualTo(CameraStatus.UNAUTHORIZED);
        assertThat(verdict.detail()).contains("GetDeviceInformation").contains("refused the credentials");
    }

    @Test
    void aClosedPortIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        HealthVerdict verdict = check(URI.create("http://127.0.0.1:" + port + "/onvif/device_service"), SimulatedDistrict.PASSWORD);
        assertThat(verdict.status()).isEqualTo(CameraStatus.OFFLINE);
        assertThat(verdict.detail()).contains("connection refused");
    }

    @Test
    void somethingAnsweringButNotAsACameraIsDegraded() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html>Internal error</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(500, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        web.start();
        try {
            HealthVerdict verdict = check(URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/onvif/device_service"),
                    SimulatedDistrict.PASSWORD);
            assertThat(verdict.status()).isEqualTo(CameraStatus.DEGRADED);
            assertThat(verdict.detail()).contains("HTTP 500");
        } finally {
            web.stop(0);
        }
    }

    private static HealthVerdict check(URI service, String password) {
        SoapClient soap = new SoapClient(FAST, new OnvifCredentials(SimulatedDistrict.USER, password));
        return new OnvifHealthCheck(new OnvifDeviceClient(soap, service)).check();
    }
}
