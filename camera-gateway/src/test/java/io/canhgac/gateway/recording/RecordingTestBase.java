package io.canhgac.gateway.recording;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A recording of synthetic cameras in a folder of the test's own, closed after each test. */
abstract class RecordingTestBase {

    @TempDir
    Path dir;
    RecordingFixture fixture;

    /** Opens the recording with these settings (see {@link RecordingFixture#settings}). */
    RecordingFixture record(RecordingSettings settings) {
        fixture = new RecordingFixture(dir, settings);
        return fixture;
    }

    RecordingSettings settings() {
        return RecordingFixture.settings(dir);
    }

    @AfterEach
    void closeRecording() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
