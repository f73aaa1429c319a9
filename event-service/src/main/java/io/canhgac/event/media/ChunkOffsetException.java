package io.canhgac.event.media;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A chunk that does not start where the centre's partial file ends: the gateway resumes from {@code received}. */
final class ChunkOffsetException extends MediaRejectedException {

    private final long received;

    ChunkOffsetException(long offset, long received) {
        super(HttpStatus.CONFLICT, "OFFSET_MISMATCH", "chunk at " + offset + " but " + received + " bytes are held: resume from there");
        this.received = received;
    }

    @Override
    ProblemDetail toProblem() {
        ProblemDetail detail = super.toProblem();
        detail.setProperty("received", received);
        return detail;
    }
}
