package io.canhgac.gateway.onvif.imaging;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A video source's imaging settings as the camera reports them; every field is optional in ONVIF
 * and cameras leave out what they cannot change. Read to explain a dark or washed-out picture.
 *
 * @param brightness            in the camera's own range (usually 0..100)
 * @param colorSaturation       likewise
 * @param contrast              likewise
 * @param sharpness             likewise
 * @param irCutFilter           ON (day), OFF (night, infrared) or AUTO
 * @param backlightCompensation ON or OFF
 * @param wideDynamicRange      ON or OFF
 * @param exposureMode          AUTO or MANUAL
 * @param whiteBalanceMode      AUTO or MANUAL
 */
public record ImagingSettings(OptionalDouble brightness, OptionalDouble colorSaturation, OptionalDouble contrast,
                              OptionalDouble sharpness, Optional<String> irCutFilter, Optional<String> backlightCompensation,
                              Optional<String> wideDynamicRange, Optional<String> exposureMode,
                              Optional<String> whiteBalanceMode) {
}
