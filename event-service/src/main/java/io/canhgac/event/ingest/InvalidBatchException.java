package io.canhgac.event.ingest;

/** A batch that cannot be stored as sent; the message names the field at fault. */
class InvalidBatchException extends RuntimeException {
    InvalidBatchException(String message) {
        super(message);
    }
}
