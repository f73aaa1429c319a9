package io.canhgac.event.recording;

import io.canhgac.contract.link.LinkReply;
import io.canhgac.contract.link.LinkRequest;
import io.canhgac.event.link.GatewayLinkException;

import java.util.function.LongFunction;

/**
 * The gateway keeping a camera's recording, as the centre asks it: a commune's gateway over its
 * control link ({@link LinkRecordings}), or the gateway in this process (the all-in-one server
 * provides that one as a bean). Both are asked with the link's own requests and answer with its own
 * replies, so the timeline, holds and exports are one piece of request logic ({@link GatewayRecordings})
 * wherever the recording is kept.
 */
public interface CameraRecordings {

    /**
     * Asks one recording request ({@link LinkRequest.Recordings}, {@link LinkRequest.RecordingHold},
     * {@link LinkRequest.RecordingExport}), made from the id given, and waits for its answer.
     *
     * @throws GatewayLinkException the gateway refused (its {@link LinkReply.Failed} problem code) or could
     *                              not be reached meanwhile
     */
    LinkReply.Answer ask(LongFunction<LinkRequest.Call> request);
}
