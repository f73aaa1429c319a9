package io.canhgac.event.media;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An upload refused, with the status that tells the gateway whether trying again can help and a
 * problem code ({@code "problem"} in the answer) it can act on without reading the message.
 */
class MediaRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String problem;

    MediaRejectedException(HttpStatus status, String problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    HttpStatus status() {
        return status;
    }

    /** E.g. EVENT_UNKNOWN, HASH_MISMATCH. */
    String problem() {
        return problem;
    }

    ProblemDetail toProblem() {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, "media not stored: " + getMessage());
        detail.setProperty("problem", problem);
        return detail;
    }
}
