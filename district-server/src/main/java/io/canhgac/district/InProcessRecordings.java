package io.canhgac.district;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.camera.GatewayUnavailableException;
import io.canhgac.event.link.GatewayLinkException;
import io.canhgac.event.recording.CameraRecordings;
import io.canhgac.gateway.link.LinkReplies;
import io.canhgac.gateway.recording.RecordingRequests;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The recording of the cameras the gateway in this process pulls, kept under the server's data
 * folder. The centre's requests are answered by the very handler that answers them on a commune
 * gateway's link ({@link RecordingRequests}), called in process instead of over a link: the same
 * answers, the same refusals, and exports uploaded through the in-process gateway's media uploader
 * as its event clips are.
 */
final class InProcessRecordings implements CameraRecordings {

    private final GatewayLifecycle gateway;
    private final AtomicLong ids = new AtomicLong();

    InProcessRecordings(GatewayLifecycle gateway) {
        this.gateway = gateway;
    }

    @Override
    public LinkReply.Answer ask(LongFunction<LinkRequest.Call> request) {
        RecordingRequests recording = gateway.recording().map(RecordingRequests::new).orElseThrow(() ->
                new GatewayUnavailableException("the gateway in this process records nothing"
                        + (gateway.records() ? " yet: it has not started" : ": its recording folder (canhgac.gateway.recording.dir) is blank")));
        LinkRequest.Call call = request.apply(ids.incrementAndGet());
        Answer answer = new Answer();
        recording.handle(call, answer);
        if (answer.reply instanceof LinkReply.Failed f) {
            throw new GatewayLinkException(f.problem(), f.message());
        }
        if (answer.reply instanceof LinkReply.Answer a) {
            return a;
        }
        throw new IllegalStateException("the in-process gateway gave no answer to " + call.getClass().getSimpleName());
    }

    /** The one reply to a recording request, which the handler gives before it returns. */
    private static final class Answer implements LinkReplies {

        private LinkReply reply;

        @Override
        public void reply(LinkReply r) {
            reply = r;
        }

        @Override
        public void picture(ByteBuffer frame) {
            throw new UnsupportedOperationException("a recording request has no picture");
        }

        @Override
        public boolean live(ByteBuffer frame) {
            throw new UnsupportedOperationException("a recording request has no live packets");
        }

        @Override
        public long liveBacklog() {
            return 0;
        }
    }
}
