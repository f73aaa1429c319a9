package io.canhgac.simulator;

import io.canhgac.simulator.rtsp.StreamBroadcaster;

/**
 * A simulated camera's condition, as the fault control reports it.
 *
 * @param poweredOn     its ports are open
 * @param stalled       connections stay open but no pictures flow (operator stall or scripted outage)
 * @param picture       live, frozen or covered
 * @param mainReady     the main stream is encoded and can be played
 * @param viewers       RTSP sessions playing the main and sub streams
 */
public record CameraFaults(String cameraId, boolean poweredOn, boolean stalled, StreamBroadcaster.Picture picture,
                           boolean mainReady, int viewers, double sceneSeconds) {
}
