package io.canhgac.gateway.media;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket on a clock the test moves. */
class MediaBudgetTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    @Test
    void oneChunkAtOnceThenAtTheRate() {
        TokenBucket bucket = new TokenBucket(512_000, 64_000, now::get);
        assertThat(bucket.waitNanos(64_000)).as("starts with one chunk").isZero();
        bucket.spend(64_000);
        assertThat(bucket.waitNanos(64_000)).as("512,000 bits at 512 kbit/s").isEqualTo(SECOND);
        now.addAndGet(SECOND / 2);
        assertThat(bucket.waitNanos(64_000)).isEqualTo(SECOND / 2);
        now.addAndGet(SECOND / 2);
        assertThat(bucket.waitNanos(64_000)).isZero();

        now.addAndGet(60 * SECOND); // a long idle does not store up a burst beyond one chunk
        bucket.spend(64_000);
        assertThat(bucket.waitNanos(64_000)).isEqualTo(SECOND);
    }

    @Test
    void aSnapshotIsNotHeldButCountsAgainstTheClipsThatFollow() {
        TokenBucket bucket = new TokenBucket(512_000, 64_000, now::get);
        bucket.spend(192_000); // a snapshot larger than the bucket went at once
        assertThat(bucket.waitNanos(64_000)).as("its debt and then a chunk: 4,096,000... bits").isEqualTo(3 * SECOND);
    }

    @Test
    void zeroIsUnlimited() {
        TokenBucket bucket = new TokenBucket(0, 64_000, now::get);
        bucket.spend(10_000_000);
        assertThat(bucket.waitNanos(64_000)).isZero();
    }
}
