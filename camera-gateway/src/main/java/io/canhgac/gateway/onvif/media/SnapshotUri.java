package io.canhgac.gateway.onvif.media;

import java.net.URI;

/** Where to fetch a profile's JPEG snapshot over HTTP. */
public record SnapshotUri(MediaUri media) {

    public URI uri() {
        return media.uri();
    }
}
