package io.canhgac.event.camera;

import java.time.Instant;
import java.util.List;

/**
 * A CSV import as the page follows it: RUNNING while its rows are onboarded one by one, then DONE.
 *
 * @param rows one result per row checked so far, in file order
 */
public record CameraImport(String id, String state, int done, int total, int onboarded, int refused,
                           Instant startedAt, Instant finishedAt, List<RowResult> rows) {

    /**
     * @param line     where the row starts in the file (the header is line 1)
     * @param cameraId the camera onboarded, or the id the row asked for
     * @param problem  null when onboarded; else onboarding's code (BAD_CREDENTIALS, UNREACHABLE...) or INVALID
     */
    public record RowResult(int line, String cameraId, boolean ok, String problem, String message) {
    }
}
