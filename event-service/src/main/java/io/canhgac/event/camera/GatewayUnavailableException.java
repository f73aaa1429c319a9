package io.canhgac.event.camera;

/** No gateway can reach the cameras asked for now: none holds the commune, or its link is down. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
