package io.canhgac.district;

import io.canhgac.event.ingest.IngestToken;
import io.canhgac.simulator.scene.SceneScript;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tests on a small district of three ONVIF cameras on their own loopback addresses, none
 * registered at start (the technician's test onboards one). The subclasses share one application
 * context: same configuration, so Spring starts it once.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/tech-district.yaml",
                "canhgac.simulator.per-camera-addresses=true",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.onvif-port=0",
                "canhgac.simulator.main-streams=true",
                "canhgac.simulator.control-port=-1",
                "canhgac.simulator.scene-cache=target/scene-cache",
                "canhgac.gateway.register-inventory=false",
                "canhgac.gateway.sweep-answer-wait=2s"})
@Import(SmallDistrictBrowserTest.Scenes.class)
abstract class SmallDistrictBrowserTest extends ChromiumPageTest {

    @TestConfiguration
    static class Scenes {
        @Bean
        Function<String, SceneScript> sceneCatalog() {
            SceneScript idle = new SceneScript("e2e-idle", 640, 360, 10, EndToEndTest.LOOP_SECONDS, 2.0, 6, List.of());
            return name -> idle;
        }
    }

    @Autowired
    IngestToken ingestToken;
    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void desktopViewport() {
        chromium.viewport(1366, 768);
    }
}
