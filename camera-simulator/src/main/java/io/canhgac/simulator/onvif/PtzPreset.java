package io.canhgac.simulator.onvif;

import java.util.Objects;

/** A named, stored camera position. */
public record PtzPreset(String token, String name, PtzVector position) {

    public PtzPreset {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        position = position.clampedPosition();
    }
}
