package io.canhgac.simulator.onvif;

/**
 * Pan, tilt and zoom in ONVIF's generic spaces. As a position: pan and tilt in [-1, 1], zoom in
 * [0, 1]. As a velocity: all three in [-1, 1], a fraction of full speed.
 */
public record PtzVector(double pan, double tilt, double zoom) {

    public static final PtzVector ZERO = new PtzVector(0, 0, 0);

    public PtzVector {
        if (!Double.isFinite(pan) || !Double.isFinite(tilt) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("PTZ values must be finite: " + pan + ", " + tilt + ", " + zoom);
        }
    }

    /** This vector as a position: each axis clamped to its range. */
    public PtzVector clampedPosition() {
        return new PtzVector(clamp(pan, -1, 1), clamp(tilt, -1, 1), clamp(zoom, 0, 1));
    }

    /** This vector as a velocity: each axis clamped to [-1, 1]. */
    public PtzVector clampedVelocity() {
        return new PtzVector(clamp(pan, -1, 1), clamp(tilt, -1, 1), clamp(zoom, -1, 1));
    }

    public boolean isZero() {
        return pan == 0 && tilt == 0 && zoom == 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
