package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.LinkReplies;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Answers the centre's snapshot requests with the gateway's own snapshot path, as a binary frame. */
final class LinkSnapshots implements AutoCloseable {

    private final SnapshotService snapshots;
    private final AtomicLong answered = new AtomicLong();

    LinkSnapshots(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    void answer(LinkRequest.Snapshot request, LinkReplies replies) {
        Optional<LiveStream> stream = LiveStream.fromPath(request.stream());
        if (stream.isEmpty()) {
            replies.reply(new LinkReply.Failed(request.id(), "BAD_REQUEST", "no stream named " + request.stream()));
            return;
        }
        Optional<CompletableFuture<byte[]>> jpeg = snapshots.jpeg(new StreamKey(request.cameraId(), stream.get()));
        if (jpeg.isEmpty()) {
            replies.reply(new LinkReply.Failed(request.id(), "UNKNOWN_CAMERA",
                    "camera " + request.cameraId() + " has no " + request.stream() + " stream on this gateway"));
            return;
        }
        jpeg.get().whenComplete((bytes, failure) -> {
            if (failure != null) {
                replies.reply(new LinkReply.Failed(request.id(), "CAMERA_UNREACHABLE", SnapshotHandler.reason(failure)));
            } else {
                replies.picture(LinkFrames.snapshot(request.id(), bytes));
                answered.incrementAndGet();
            }
        });
    }

    long answered() {
        return answered.get();
    }

    @Override
    public void close() {
        snapshots.close();
    }
}
