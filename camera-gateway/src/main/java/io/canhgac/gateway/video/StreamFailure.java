package io.canhgac.gateway.video;

/** Why a camera stream could not be read, in words a technician can act on. */
public enum StreamFailure {
    REFUSED("connection refused: camera powered off or wrong port"),
    UNREACHABLE("no route to the camera: link down or wrong address"),
    TIMEOUT("no answer or no data in time: link too slow or stream stalled"),
    UNAUTHORIZED("the camera refused the credentials"),
    NOT_FOUND("the camera has no stream at this path"),
    ENDED("the camera closed the stream"),
    BAD_STREAM("the stream could not be decoded");

    private final String explanation;

    StreamFailure(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
