package io.canhgac.gateway.camera;

import io.canhgac.contract.CameraEvent;

/** Where a camera worker delivers its events. */
@FunctionalInterface
public interface CameraEventSink {
    void accept(CameraEvent event);
}
