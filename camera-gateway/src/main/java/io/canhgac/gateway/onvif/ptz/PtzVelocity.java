package io.canhgac.gateway.onvif.ptz;

/**
 * A continuous-move speed in ONVIF's generic velocity space: each axis from -1 to 1.
 *
 * @param pan  negative turns left
 * @param tilt negative turns down
 * @param zoom negative zooms out
 */
public record PtzVelocity(double pan, double tilt, double zoom) {

    public PtzVelocity {
        check(pan, "pan");
        check(tilt, "tilt");
        check(zoom, "zoom");
    }

    private static void check(double v, String axis) {
        if (!(v >= -1 && v <= 1)) {
            throw new IllegalArgumentException("PTZ " + axis + " velocity must be within -1..1, was " + v);
        }
    }
}
