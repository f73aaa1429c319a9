package io.canhgac.event.nodes;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits of the node-loss runs (test and benchmark), which poll rather than block on one stream. */
public final class Waiting {

    private Waiting() {
    }

    /** Polls until the condition holds; fails once the time is up. */
    public static void until(BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(50);
        }
    }

    /** A gateway's pause between batches; an interrupt ends it early and is kept. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
