package io.canhgac.district;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The all-in-one topology as the README's quick start runs it: the event-service and the gateway in
 * one process, on three simulated cameras (EndToEndTest's scenes: two see a car cross, one is idle),
 * recorded by the in-process gateway with the demo's settings into a folder of this context. The
 * subclasses share one application context (one embedded PostgreSQL, one simulated district): two
 * simulated districts in one JVM disturb each other's timing (EndToEndTest failed when run after a
 * second context).
 */
@SpringBootTest(classes = DistrictServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "canhgac.database.embedded.data-dir=",
                "canhgac.accounts.demo=true",
                "canhgac.inventory=src/test/resources/e2e-district.yaml",
                "canhgac.simulator.per-camera-addresses=false",
                "canhgac.simulator.rtsp-port=0",
                "canhgac.simulator.main-streams=false",
                "canhgac.simulator.control-port=0",
                "canhgac.simulator.scene-cache=target/scene-cache",
                "canhgac.gateway.recording.dir=target/recordings-${random.uuid}"})
@Import(EndToEndTest.Scenes.class)
abstract class AllInOneTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    String base() {
        return "http://127.0.0.1:" + port;
    }
}
