package io.canhgac.event.media;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code mediaStore} in /actuator/health: the free space on the media root's disk, DOWN below
 * {@code canhgac.media.min-free}. Boot's own diskSpace looks at the working folder, which need not be
 * the disk the clips fill; and the media root may not exist before the first upload, so the nearest
 * existing parent is measured.
 */
@Component
class MediaStoreHealthIndicator extends AbstractHealthIndicator {

    private final Path root;
    private final long minFree;

    MediaStoreHealthIndicator(MediaProperties properties) {
        super("media store health check failed");
        this.root = properties.dir().toAbsolutePath().normalize();
        this.minFree = properties.minFree().toBytes();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws IOException {
        Path measured = root;
        while (measured != null && !Files.exists(measured)) {
            measured = measured.getParent();
        }
        if (measured == null) {
            health.down().withDetail("path", root.toString()).withDetail("problem", "no such folder");
            return;
        }
        FileStore disk = Files.getFileStore(measured);
        long free = disk.getUsableSpace();
        (free >= minFree ? health.up() : health.down())
                .withDetail("path", root.toString())
                .withDetail("free", free)
                .withDetail("total", disk.getTotalSpace())
                .withDetail("threshold", minFree)
                .withDetail("writable", Files.isWritable(measured));
    }
}
