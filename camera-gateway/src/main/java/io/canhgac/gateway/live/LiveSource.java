package io.canhgac.gateway.live;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Where one camera stream's video comes from: the camera itself (RTSP, at a gateway) or the gateway
 * that reaches it (its control link, at the centre). The live server's fan-out and snapshot cache
 * are the same for both.
 */
public interface LiveSource {

    /** A new, unopened reader of the stream's packets: one for each (re)connection of a pull. */
    PacketSource packets();

    /**
     * A current JPEG of the stream when nothing pulls it; fails with the reason.
     *
     * @param decoders where blocking work (connecting, decoding) may run; never the caller's thread
     */
    CompletableFuture<byte[]> snapshot(Executor decoders);
}
