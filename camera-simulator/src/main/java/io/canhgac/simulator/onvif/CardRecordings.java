package io.canhgac.simulator.onvif;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What a camera has recorded on its own card, as its Recording Search and Replay services show it:
 * one recording per stream, each with the same span of data, each replayed over RTSP.
 */
public interface CardRecordings {

    /** The recordings' tokens (a stream's name: "main", "sub"). */
    List<String> tokens();

    /** The oldest picture on the card. */
    Instant dataFrom();

    /** The newest picture on the card (now, while it records). */
    Instant dataUntil();

    /** The RTSP URI that replays the recording {@code token}. */
    URI replayUri(String token);
}
