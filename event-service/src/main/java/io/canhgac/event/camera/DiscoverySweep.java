package io.canhgac.event.camera;

import io.canhgac.contract.registry.DiscoveredDevice;

import java.time.Instant;
import java.util.List;

/**
 * One discovery sweep as the technician follows it.
 *
 * @param state   RUNNING, DONE or FAILED
 * @param done    addresses probed so far, of {@code total}
 * @param devices what answered, once the sweep is done
 * @param error   why it failed, when FAILED
 */
public record DiscoverySweep(String id, String range, String state, int done, int total, int found,
                             Instant startedAt, Instant finishedAt, List<DiscoveredDevice> devices, String error) {
}
