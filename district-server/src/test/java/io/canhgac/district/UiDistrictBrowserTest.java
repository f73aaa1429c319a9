package io.canhgac.district;

import io.canhgac.event.ingest.IngestToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Browser tests on the UI district: embedded PostgreSQL, four simulated idle cameras in two
 * communes, registered at start and pulled by the in-process gateway. The subclasses share one
 * application context (same configuration) and one headless chromium each.
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/ui-district.yaml",
                "canhgac.simulator.per-camera-addresses=false",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=0",
                "canhgac.simulator.scene-cache=target/scene-cache"})
@Import(EndToEndTest.Scenes.class)
abstract class UiDistrictBrowserTest extends ChromiumPageTest {

    @Autowired
    SimulatorLifecycle simulator;
    @Autowired
    IngestToken ingestToken;
}
