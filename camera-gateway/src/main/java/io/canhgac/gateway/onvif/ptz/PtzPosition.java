package io.canhgac.gateway.onvif.ptz;

import java.util.OptionalDouble;

/**
 * A position in ONVIF's generic position space (pan and tilt -1..1, zoom 0..1). Each axis may be
 * missing: some cameras report only pan/tilt, and Hikvision reports no position for its presets.
 */
public record PtzPosition(OptionalDouble pan, OptionalDouble tilt, OptionalDouble zoom) {

    public static final PtzPosition UNKNOWN = new PtzPosition(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public boolean isKnown() {
        return pan.isPresent() || tilt.isPresent() || zoom.isPresent();
    }
}
