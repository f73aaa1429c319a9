package io.canhgac.contract.link;

import java.time.Instant;
import java.util.Objects;

/**
 * A gateway's account of itself, sent over the control link every few seconds: what the centre shows
 * beside each commune's cameras and what its alerts watch.
 *
 * @param measuredAt      the gateway's clock
 * @param cameras         cameras it pulls
 * @param outboxEvents    events and status changes on disk that the centre has not acknowledged
 * @param outboxBytes     their size on disk
 * @param oldestPending   when the oldest of them happened; null when none wait
 * @param droppedEvents   events dropped since the gateway started because the outbox was full
 * @param outboxAlarm     the outbox passed its alarm threshold
 * @param mediaPending    snapshots and clips waiting to be uploaded
 * @param mediaBytes      their size
 * @param mediaDropped    media deleted unsent since the gateway started because its spool was full
 * @param eventsMade      events and status changes the gateway has put in its outbox since the outbox
 *                        began (its last sequence number, across restarts): the centre, having stored
 *                        all the gateway sent, holds exactly this many of its events less any dropped
 */
public record GatewayStatus(Instant measuredAt, int cameras, long outboxEvents, long outboxBytes, Instant oldestPending,
                            long droppedEvents, boolean outboxAlarm, int mediaPending, long mediaBytes, long mediaDropped,
                            long eventsMade) {

    public GatewayStatus {
        Objects.requireNonNull(measuredAt, "measuredAt");
    }
}
