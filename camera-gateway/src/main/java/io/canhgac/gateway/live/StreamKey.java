package io.canhgac.gateway.live;

/** One camera stream: the unit that is pulled once and shared by all its viewers. */
record StreamKey(String cameraId, LiveStream stream) {

    @Override
    public String toString() {
        return cameraId + "/" + stream.path();
    }
}
