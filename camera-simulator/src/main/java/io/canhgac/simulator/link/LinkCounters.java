package io.canhgac.simulator.link;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A link's figures, written on its event loop and read from any thread. */
final class LinkCounters {

    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong held = new AtomicLong();

    void forwarded(Direction direction, int bytes) {
        (direction == Direction.UP ? up : down).addAndGet(bytes);
    }

    void dropped(int bytes) {
        dropped.addAndGet(bytes);
    }

    void held(int bytes) {
        held.addAndGet(bytes);
    }

    void released(int bytes) {
        held.addAndGet(-bytes);
    }

    void opened() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    /** The running totals; the gauges (open connections, bytes held) stay as they are. */
    void reset() {
        up.set(0);
        down.set(0);
        dropped.set(0);
        accepted.set(0);
    }

    LinkFigures figures() {
        return new LinkFigures(up.get(), down.get(), dropped.get(), accepted.get(), open.get(), held.get());
    }
}
