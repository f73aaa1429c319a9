package io.canhgac.simulator.link;

/** Which way bytes cross a link. */
enum Direction {
    /** From the client (a commune gateway) to the target (the centre). */
    UP,
    /** From the target back to the client. */
    DOWN;

    Direction opposite() {
        return this == UP ? DOWN : UP;
    }
}
