package io.canhgac.district;

import com.fasterxml.jackson.databind.JsonNode;
import io.canhgac.event.WebSession;
import io.canhgac.event.ingest.IngestToken;
import io.canhgac.gateway.live.TestViewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recording in the one-command demo: the gateway in the server's own process records camera C into
 * the server's data folder; the centre shows its timeline, plays it back through the one live port
 * (fMP4 of the recorded packets), exports a range into an incident's evidence ZIP with its hash
 * (uploaded as the in-process gateway's event media are) and releases the hold at close. No link
 * is involved.
 */
class AllInOneRecordingTest extends AllInOneTestBase {

    static final String CAMERA = "C";

    @Autowired
    IngestToken ingestToken;
    @Autowired
    DistrictProperties properties;

    @Test
    void theInProcessGatewaysRecordingIsOnTheTimelinePlaysBackAndBecomesEvidence() throws Exception {
        RecordingChecks checks = new RecordingChecks(base(), WebSession.login(base(), "operator", "operator-demo"), json,
                ingestToken.value(), CAMERA);
        Instant first = checks.recordedUntil(Instant.now());
        Instant event = RecordingChecks.eventAfter(first);
        checks.recordedUntil(event.plusSeconds(3));
        String incident = checks.incidentAt(event);
        assertThat(Files.isDirectory(Path.of(properties.gateway().recording().dir()).resolve(CAMERA)))
                .as("recorded under the server's data folder").isTrue();

        // playback from the event through the centre's live server: the init segment, then moof + mdat
        // fragments, a keyframe first, dated at or before the instant asked
        try (TestViewer viewer = checks.playback(event, 2)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> viewer.fragments().size() >= 3);
            assertThat(TestViewer.boxes(viewer.binaries.get(0))).containsExactly("ftyp", "moov");
            assertThat(TestViewer.boxes(viewer.fragments().get(0))).containsExactly("moof", "mdat");
            assertThat(TestViewer.keyframe(viewer.fragments().get(0))).isTrue();
            assertThat(viewer.texts.get(0)).contains("\"type\":\"init\"", "\"width\":640");
            Instant startAt = Instant.parse(json.readTree(viewer.texts.get(1)).get("at").asText());
            assertThat(startAt).isBetween(first, event);
        }

        JsonNode arrived = checks.exported(incident, event.minusSeconds(2), event.plusSeconds(3));
        checks.inEvidenceThenReleased(incident, arrived);
    }
}
