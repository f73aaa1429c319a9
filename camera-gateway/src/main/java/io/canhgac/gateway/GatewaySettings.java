package io.canhgac.gateway;

import io.canhgac.gateway.motion.MotionSettings;

import java.time.Duration;

/**
 * How the gateway treats its cameras.
 *
 * @param ioTimeout        a stream with no data for this long counts as stalled and is reopened
 * @param reconnectInitial first wait before reconnecting a failed stream
 * @param reconnectMax     the cap of the exponential reconnect wait: 3 s, so a camera is back within
 *                         a few seconds of its return however long it was away (a try costs a SYN
 *                         on the commune's own network)
 * @param motionStartFrames frames of motion before an event starts
 * @param motionEndFrames  quiet frames before an event ends
 */
public record GatewaySettings(Duration ioTimeout, Duration reconnectInitial, Duration reconnectMax,
                              int motionStartFrames, int motionEndFrames, MotionSettings motion) {

    public static final GatewaySettings DEFAULTS = new GatewaySettings(
            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(3), 2, 10, MotionSettings.DEFAULTS);

    public GatewaySettings withReconnect(Duration initial, Duration max) {
        return new GatewaySettings(ioTimeout, initial, max, motionStartFrames, motionEndFrames, motion);
    }

    public GatewaySettings withIoTimeout(Duration timeout) {
        return new GatewaySettings(timeout, reconnectInitial, reconnectMax, motionStartFrames, motionEndFrames, motion);
    }
}
