package io.canhgac.contract.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Playback rides the live ticket: the same signature and expiry, with the stream named
 * {@code playback:<sub|main>}, so a live ticket never opens a recording nor a playback ticket live
 * video. The live server takes it at {@code /live/playback/<cameraId>/<sub|main>?ticket=…&from=<instant>&speed=<1|2|4|8>}.
 */
public final class PlaybackTickets {

    public static final String PATH = "/live/playback";
    private static final String PREFIX = "playback:";

    private PlaybackTickets() {
    }

    /** The stream a playback ticket is signed for. */
    public static String stream(String stream) {
        return PREFIX + stream;
    }

    /** The live server's path for a camera stream's playback, without the query. */
    public static String path(String cameraId, String stream) {
        return PATH + "/" + URLEncoder.encode(cameraId, StandardCharsets.UTF_8) + "/" + stream;
    }
}
