package io.canhgac.gateway.media;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** What the uploader tests share: a spool folder, the stand-in centre and the uploader, both stopped after each test. */
abstract class MediaUploaderFixture {

    @TempDir
    Path dir;
    FakeCentre centre;
    MediaUploader uploader;

    @AfterEach
    void stop() {
        if (uploader != null) {
            uploader.close();
        }
        if (centre != null) {
            centre.close();
        }
    }
}
