package io.canhgac.gateway.live;

import io.canhgac.contract.link.LinkFrames;
import io.canhgac.contract.link.LinkReply;
import io.canhgac.gateway.link.LinkReplies;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** The link as a live or playback session sees it: replies kept, live frames kept or refused by the number of the offer. */
public final class KeptLink implements LinkReplies {
    public final List<LinkReply> replies = new CopyOnWriteArrayList<>();
    public final List<LinkFrames.LivePacket> sent = new CopyOnWriteArrayList<>();
    /** When each kept frame was offered, {@link System#nanoTime()}. */
    public final List<Long> sentAt = new CopyOnWriteArrayList<>();
    final AtomicInteger offers = new AtomicInteger();
    private final IntPredicate refuse;

    public KeptLink(IntPredicate refuse) {
        this.refuse = refuse;
    }

    /** A link that takes everything. */
    public KeptLink() {
        this(n -> false);
    }

    @Override
    public void reply(LinkReply reply) {
        replies.add(reply);
    }

    @Override
    public void picture(ByteBuffer frame) {
    }

    @Override
    public boolean live(ByteBuffer frame) {
        if (refuse.test(offers.incrementAndGet())) {
            return false;
        }
        sent.add(LinkFrames.readLivePacket(frame));
        sentAt.add(System.nanoTime());
        return true;
    }

    @Override
    public long liveBacklog() {
        return 0;
    }
}
