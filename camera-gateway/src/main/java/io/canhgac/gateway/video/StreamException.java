package io.canhgac.gateway.video;

/** A stream failure with its kind, so status and alerts can say why. */
public class StreamException extends Exception {

    private final StreamFailure failure;

    public StreamException(StreamFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public StreamException(StreamFailure failure, String message) {
        this(failure, message, null);
    }

    public StreamFailure failure() {
        return failure;
    }
}
