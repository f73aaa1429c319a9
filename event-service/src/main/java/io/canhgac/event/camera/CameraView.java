package io.canhgac.event.camera;

import io.canhgac.contract.CameraStatus;

import java.time.Instant;

/** A camera as the API shows it. */
public record CameraView(String id, String name, String communeId, String commune, Double latitude, Double longitude,
                         CameraStatus status, String statusReason, Instant statusSince) {
}
