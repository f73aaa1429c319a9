package io.canhgac.contract.registry;

/**
 * A camera's imaging settings as it reports them (ONVIF GetImagingSettings of its main video source),
 * read for the camera page to explain a dark, washed-out or colourless picture. Every field is null
 * when the camera leaves it out; numbers are in the camera's own range (usually 0..100).
 *
 * @param irCutFilter           ON (day), OFF (night, infrared) or AUTO
 * @param backlightCompensation ON or OFF
 * @param wideDynamicRange      ON or OFF
 * @param exposureMode          AUTO or MANUAL
 * @param whiteBalanceMode      AUTO or MANUAL
 */
public record CameraImaging(Double brightness, Double colorSaturation, Double contrast, Double sharpness,
                            String irCutFilter, String backlightCompensation, String wideDynamicRange,
                            String exposureMode, String whiteBalanceMode) {
}
