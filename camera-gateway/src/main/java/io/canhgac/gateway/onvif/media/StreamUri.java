package io.canhgac.gateway.onvif.media;

import java.net.URI;

/** Where to open a profile's RTSP stream. A type of its own so it cannot be mistaken for a snapshot URI. */
public record StreamUri(MediaUri media) {

    public URI uri() {
        return media.uri();
    }
}
