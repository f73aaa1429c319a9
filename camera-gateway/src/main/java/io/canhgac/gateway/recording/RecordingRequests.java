package io.canhgac.gateway.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.LinkReplies;
import io.canhgac.gateway.live.PacketSource;
import io.canhgac.gateway.live.RecordedSources;

import java.time.Instant;
import java.util.Optional;

/**
 * The recording requests of the link, answered from the gateway's recording. Each answer is quick
 * (the index is in memory, a hold is a small file, an export is only queued), so they are answered
 * on the link's own thread.
 */
public final class RecordingRequests implements RecordedSources {

    private final GatewayRecording recording;

    public RecordingRequests(GatewayRecording recording) {
        this.recording = recording;
    }

    @Override
    public Optional<PacketSource> playback(String cameraId, Instant from, int speed) {
        return recording.playback(cameraId, from, speed);
    }

    @Override
    public void handle(LinkRequest request, LinkReplies replies) {
        if (request instanceof LinkRequest.Recordings r) {
            replies.reply(recording.recorded(r));
        } else if (request instanceof LinkRequest.RecordingHold h) {
            replies.reply(recording.hold(h));
        } else if (request instanceof LinkRequest.RecordingExport e) {
            replies.reply(recording.export(e));
        } else {
            RecordedSources.NONE.handle(request, replies);
        }
    }
}
