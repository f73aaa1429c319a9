package io.canhgac.event.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The media store's health: UP with the disk's free space, DOWN below the threshold, measured before the root exists. */
class MediaStoreHealthTest {

    @TempDir
    Path disk;

    private Health health(DataSize minFree) {
        MediaProperties properties = new MediaProperties(disk.resolve("not-yet/media"), DataSize.ofMegabytes(64), Duration.ofDays(7), minFree);
        return new MediaStoreHealthIndicator(properties).health();
    }

    @Test
    void upWithTheFreeSpaceOfTheDiskTheMediaWillFill() {
        Health health = health(DataSize.ofBytes(1));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Long) health.getDetails().get("free")).isPositive();
        assertThat(health.getDetails()).containsEntry("threshold", 1L).containsEntry("writable", true);
    }

    @Test
    void downWhenLessThanTheThresholdIsFree() {
        Health health = health(DataSize.ofTerabytes(1_000_000));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((Long) health.getDetails().get("free")).isLessThan((Long) health.getDetails().get("threshold"));
    }
}
