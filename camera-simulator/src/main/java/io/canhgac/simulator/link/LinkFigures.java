package io.canhgac.simulator.link;

/**
 * What crossed a link since its counters were last reset. Bytes are counted once written to the far
 * side's socket, so a WAN budget can be read straight off them.
 *
 * @param bytesUp             written to the target (gateway to centre)
 * @param bytesDown           written back to the client (centre to gateway)
 * @param droppedBytes        read and discarded while the link was cut (both directions)
 * @param connectionsAccepted connections the relay accepted
 * @param connectionsOpen     relayed connections open now (not reset with the counters)
 * @param bytesHeld           read but not yet written, in both directions of every connection now
 */
public record LinkFigures(long bytesUp, long bytesDown, long droppedBytes, long connectionsAccepted,
                          int connectionsOpen, long bytesHeld) {
}
