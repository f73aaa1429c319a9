package io.canhgac.gateway.live;

/** One browser watching a stream. Called on the stream's pull thread: implementations must not block. */
interface LiveViewer {

    /** (Re)starts the viewer: the init segment, then fragments from the next keyframe on. */
    void begin(AvcFormat format, byte[] initSegment);

    /** A fragment for every viewer; the viewer may drop it (before its first keyframe, or when it lags). */
    void offer(LiveFragment fragment);

    /** The stream ends for this viewer. */
    void end(LiveRefusal why);
}
