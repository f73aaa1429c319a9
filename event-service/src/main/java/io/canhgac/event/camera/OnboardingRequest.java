package io.canhgac.event.camera;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A technician's request to onboard the camera at an address.
 *
 * @param cameraId  the registry id to fill (e.g. a camera already in the inventory); blank for a new
 *                  camera, which gets the next free "&lt;commune&gt;-NN"
 * @param communeId required for a new camera; an existing camera keeps its commune unless given
 * @param name      blank keeps the registered name (a new camera is named after its id)
 */
public record OnboardingRequest(
        @NotBlank @Size(max = 300) String address,
        @Size(max = 64) String username,
        @Size(max = 128) String password,
        @Pattern(regexp = "^$|[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String cameraId,
        @Size(max = 64) String communeId,
        @Size(max = 200) String name,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    String user() {
        return username == null ? "" : username;
    }

    String secret() {
        return password == null ? "" : password;
    }
}
