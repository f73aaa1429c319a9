package io.canhgac.gateway.video;

/** Maps FFmpeg's negative error codes to {@link StreamFailure}s. */
final class FfmpegErrors {

    static final int ECONNREFUSED = -111;
    static final int ETIMEDOUT = -110;
    static final int EHOSTUNREACH = -113;
    static final int ENETUNREACH = -101;
    static final int EIO = -5;
    static final int EOF = fferrtag('E', 'O', 'F', ' ');
    static final int HTTP_UNAUTHORIZED = fferrtag(0xF8, '4', '0', '1');
    static final int HTTP_FORBIDDEN = fferrtag(0xF8, '4', '0', '3');
    static final int HTTP_NOT_FOUND = fferrtag(0xF8, '4', '0', '4');
    /** What FFmpeg returns when {@link RtspDemuxer}'s interrupt callback fires: our own I/O timeout. */
    static final int EXIT = fferrtag('E', 'X', 'I', 'T');

    private FfmpegErrors() {
    }

    /** FFmpeg's FFERRTAG: the negated four-character code. */
    private static int fferrtag(int a, int b, int c, int d) {
        return -(a | (b << 8) | (c << 16) | (d << 24));
    }

    static StreamFailure classify(int code) {
        if (code == ECONNREFUSED) {
            return StreamFailure.REFUSED;
        } else if (code == ETIMEDOUT || code == EXIT) {
            return StreamFailure.TIMEOUT;
        } else if (code == EHOSTUNREACH || code == ENETUNREACH) {
            return StreamFailure.UNREACHABLE;
        } else if (code == HTTP_UNAUTHORIZED || code == HTTP_FORBIDDEN) {
            return StreamFailure.UNAUTHORIZED;
        } else if (code == HTTP_NOT_FOUND) {
            return StreamFailure.NOT_FOUND;
        } else if (code == EOF || code == EIO) {
            return StreamFailure.ENDED;
        }
        return StreamFailure.BAD_STREAM;
    }
}
