package io.canhgac.gateway.live;

/**
 * A playback viewer: a WebSocket viewer like any live one, told "end of the recording" rather than
 * "camera unreachable" when its pull stops because the recording ended.
 */
final class PlaybackViewer implements LiveViewer {

    private final WebSocketViewer viewer;
    private final RecordedSource recording;

    PlaybackViewer(WebSocketViewer viewer, RecordedSource recording) {
        this.viewer = viewer;
        this.recording = recording;
    }

    @Override
    public void begin(AvcFormat format, byte[] initSegment) {
        viewer.begin(format, initSegment);
    }

    @Override
    public void offer(LiveFragment fragment) {
        viewer.offer(fragment);
    }

    @Override
    public void end(LiveRefusal why) {
        viewer.end(recording.ended() ? LiveRefusal.END_OF_RECORDING : why);
    }
}
