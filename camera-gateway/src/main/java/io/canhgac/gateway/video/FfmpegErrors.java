package io.canhgac.gateway.video;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps FFmpeg's negative error codes (returned by FFmpeg or put in JavaCV's exception messages) to {@link StreamFailure}s. */
final class FfmpegErrors {

    private static final Pattern CODE = Pattern.compile("error (-\\d+)");

    static final int ECONNREFUSED = -111;
    static final int ETIMEDOUT = -110;
    static final int EHOSTUNREACH = -113;
    static final int ENETUNREACH = -101;
    static final int EIO = -5;
    static final int EOF = fferrtag('E', 'O', 'F', ' ');
    static final int HTTP_UNAUTHORIZED = fferrtag(0xF8, '4', '0', '1');
    static final int HTTP_FORBIDDEN = fferrtag(0xF8, '4', '0', '3');
    static final int HTTP_NOT_FOUND = fferrtag(0xF8, '4', '0', '4');
    /** What FFmpeg returns when JavaCV's interrupt callback fires: our own I/O timeout. */
    static final int EXIT = fferrtag('E', 'X', 'I', 'T');

    private FfmpegErrors() {
    }

    /** FFmpeg's FFERRTAG: the negated four-character code. */
    private static int fferrtag(int a, int b, int c, int d) {
        return -(a | (b << 8) | (c << 16) | (d << 24));
    }

    /** The FFmpeg error code in a JavaCV exception message, if any. */
    static Optional<Integer> code(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(message);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    static StreamFailure classify(String message) {
        return code(message).map(FfmpegErrors::classify).orElse(StreamFailure.BAD_STREAM);
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
