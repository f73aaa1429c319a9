package io.canhgac.gateway.onvif.media;

import java.util.Locale;
import java.util.Optional;

/** The H.264 profile a camera encodes with; the browser's MSE codec string depends on it. */
public enum H264Profile {
    BASELINE,
    MAIN,
    EXTENDED,
    HIGH;

    static Optional<H264Profile> fromOnvif(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
