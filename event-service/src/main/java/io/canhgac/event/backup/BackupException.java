package io.canhgac.event.backup;

/** A refusal or failure of the backup or restore command, said to the IT officer as it is. */
final class BackupException extends RuntimeException {
    BackupException(String message) {
        super(message);
    }

    BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
