package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.gateway.link.GatewayRequests;
import io.canhgac.gateway.link.LinkReplies;

import java.time.Instant;
import java.util.Optional;

/**
 * A gateway's recordings as the link sees them: playback is a stream like a camera's (sent through
 * the same live uplink), the other recording requests are answered by the recording itself.
 */
public interface RecordedSources extends GatewayRequests.Delegate {

    /** A gateway that records nothing. */
    RecordedSources NONE = new RecordedSources() {
        @Override
        public Optional<PacketSource> playback(String cameraId, Instant from, int speed) {
            return Optional.empty();
        }

        @Override
        public void handle(LinkRequest request, LinkReplies replies) {
            if (request instanceof LinkRequest.Call call) {
                replies.reply(new LinkReply.Failed(call.id(), "NOT_SUPPORTED", "this gateway does not do "
                        + request.getClass().getSimpleName() + " over its link"));
            }
        }
    };

    /** The camera's recording from {@code from}, paced {@code speed} times; empty for a camera not recorded here. */
    Optional<PacketSource> playback(String cameraId, Instant from, int speed);
}
