package io.canhgac.gateway.publish;

import io.canhgac.contract.CameraEvent;
import io.canhgac.gateway.camera.CameraEventSink;

/**
 * Delivers events to the event-service, at least once. The gateway always publishes through one of
 * these, whether the service runs in the same process or across a commune's WAN link.
 */
public interface EventPublisher extends CameraEventSink, AutoCloseable {

    /** Events accepted but not yet acknowledged by the event-service. */
    int pending();

    @Override
    void close();
}
