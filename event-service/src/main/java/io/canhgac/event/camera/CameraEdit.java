package io.canhgac.event.camera;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A technician's edit of a registered camera: everything the registry knows of it that the camera
 * itself cannot say. A PUT: every field is replaced, except {@code enabled}, kept when absent.
 *
 * @param location free text for where it hangs ("cột điện trước chợ"); blank clears it
 * @param enabled  false: gateways stop pulling the camera, its record stays
 */
public record CameraEdit(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String communeId,
        @Size(max = 300) String location,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        Boolean enabled) {

    /** A map pin needs both; one without the other is a typing slip. */
    @AssertTrue(message = "give both latitude and longitude, or neither")
    boolean isPositionWhole() {
        return (latitude == null) == (longitude == null);
    }
}
