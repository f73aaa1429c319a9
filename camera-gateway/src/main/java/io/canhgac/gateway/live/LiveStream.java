package io.canhgac.gateway.live;

import java.util.Optional;

/** Which of a camera's streams a viewer watches: the substream for the wall, the main stream for one camera. */
public enum LiveStream {
    SUB("sub"),
    MAIN("main");

    private final String path;

    LiveStream(String path) {
        this.path = path;
    }

    /** The name in URLs and tickets. */
    public String path() {
        return path;
    }

    public static Optional<LiveStream> fromPath(String path) {
        for (LiveStream s : values()) {
            if (s.path.equals(path)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
