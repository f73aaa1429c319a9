package io.canhgac.gateway.outbox;

import java.time.Instant;

/**
 * The outbox now, for the gateway's status at the centre.
 *
 * @param pending       events not yet acknowledged by the centre
 * @param bytes         the journal's size on disk
 * @param oldestPending when the oldest pending event happened; null when none waits
 * @param dropped       events dropped unsent since the journal was opened, because it was full
 * @param alarm         the journal is past its alarm threshold, or dropped events
 * @param appended      the last sequence appended: events made since the journal began, across restarts
 */
public record JournalFigures(long pending, long bytes, Instant oldestPending, long dropped, boolean alarm, long appended) {
}
