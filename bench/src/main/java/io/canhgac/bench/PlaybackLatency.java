package io.canhgac.bench;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.LinkReplies;
import io.canhgac.gateway.live.LinkMedia;
import io.canhgac.gateway.live.LiveSettings;
import io.canhgac.gateway.live.LiveSources;
import io.canhgac.gateway.recording.GatewayRecording;
import io.canhgac.gateway.recording.RecordingRequests;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's part of "a click on the timeline to the first picture": from a PlaybackStart handed to
 * the gateway's link handler to the first picture it gives the link, for an instant 10 s back. The
 * centre's part (the link, the browser's MSE) is measured at the centre.
 */
final class PlaybackLatency {

    private PlaybackLatency() {
    }

    static double firstPictureMillis(GatewayRecording recording, String cameraId) throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        LinkReplies link = new LinkReplies() {
            @Override
            public void reply(LinkReply reply) {
            }

            @Override
            public void picture(ByteBuffer frame) {
            }

            @Override
            public boolean live(ByteBuffer frame) {
                first.countDown();
                return true;
            }

            @Override
            public long liveBacklog() {
                return 0;
            }
        };
        try (LinkMedia media = new LinkMedia(LiveSources.none(), LiveSettings.DEFAULTS, id -> { }, new RecordingRequests(recording))) {
            long t0 = System.nanoTime();
            media.handle(new LinkRequest.PlaybackStart(1, cameraId, Instant.now().minusSeconds(10), 1), link);
            boolean got = first.await(10, TimeUnit.SECONDS);
            double ms = (System.nanoTime() - t0) / 1e6;
            media.handle(new LinkRequest.LiveStop(1), link);
            return got ? ms : -1;
        }
    }
}
