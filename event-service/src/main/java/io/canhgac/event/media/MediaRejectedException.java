package io.canhgac.event.media;

import org.springframework.http.HttpStatus;

/** An upload refused, with the status that tells the gateway whether trying again can help. */
final class MediaRejectedException extends RuntimeException {

    private final HttpStatus status;

    MediaRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
