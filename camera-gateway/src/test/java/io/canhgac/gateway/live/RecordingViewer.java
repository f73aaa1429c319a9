package io.canhgac.gateway.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A viewer that keeps what it is given. */
final class RecordingViewer implements LiveViewer {

    final AtomicInteger begins = new AtomicInteger();
    final List<LiveFragment> fragments = new CopyOnWriteArrayList<>();
    final CompletableFuture<LiveRefusal> ended = new CompletableFuture<>();
    volatile AvcFormat format;

    @Override
    public void begin(AvcFormat format, byte[] initSegment) {
        this.format = format;
        begins.incrementAndGet();
    }

    @Override
    public void offer(LiveFragment fragment) {
        fragments.add(fragment);
    }

    @Override
    public void end(LiveRefusal why) {
        ended.complete(why);
    }
}
