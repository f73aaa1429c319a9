package io.canhgac.gateway.live;

/**
 * One picture as a moof + mdat, written once and shared (never modified) by every viewer.
 *
 * @param receivedAtMicros wall-clock time the packet reached the gateway (µs since the epoch), for latency figures
 */
public record LiveFragment(long sequence, byte[] bytes, boolean keyframe, long receivedAtMicros) {
}
