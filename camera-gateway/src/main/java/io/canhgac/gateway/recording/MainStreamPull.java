package io.canhgac.gateway.recording;

import io.canhgac.gateway.camera.Backoff;
import io.canhgac.gateway.video.PacketTap;
import io.canhgac.gateway.video.RtspDemuxer;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamParameters;
import io.canhgac.gateway.video.VideoPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * The main stream of a camera whose worker reads only the substream (motion runs on the small
 * picture): pulled for recording alone through FFmpeg's demuxer, nothing decoded, on a thread of its
 * own, reconnecting with the worker's backoff. Its packets go to the recorder as a worker's would.
 */
final class MainStreamPull implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MainStreamPull.class);

    private final String cameraId;
    private final String url;
    private final Duration ioTimeout;
    private final PacketTap tap;
    private final Backoff backoff;
    private final Thread thread;
    private volatile boolean stopped;

    MainStreamPull(String cameraId, String url, Duration ioTimeout, PacketTap tap, Backoff backoff) {
        this.cameraId = cameraId;
        this.url = url;
        this.ioTimeout = ioTimeout;
        this.tap = tap;
        this.backoff = backoff;
        this.thread = new Thread(this, "record-" + cameraId);
        thread.setDaemon(true);
    }

    MainStreamPull start() {
        thread.start();
        return this;
    }

    /**
     * Stops within the I/O timeout; the segment being written is finished by the pull's own thread.
     * Not interrupted: an interrupt during a write would close the segment's channel under it.
     */
    void stop() {
        stopped = true;
    }

    /** Waits for the pull to end (tests, shutdown). */
    void join(Duration atMost) throws InterruptedException {
        thread.join(atMost.toMillis());
    }

    @Override
    public void run() {
        while (!stopped) {
            try (RtspDemuxer demuxer = RtspDemuxer.open(url, ioTimeout)) {
                tap.opened(StreamParameters.of(demuxer.video()));
                try {
                    boolean first = true;
                    for (AVPacket p = demuxer.read(); p != null && !stopped; p = demuxer.read()) {
                        tap.packet(new VideoPacket(RtspDemuxer.bytes(p), p.pts(), p.dts(), RtspDemuxer.keyframe(p), Instant.now()));
                        if (first) {
                            backoff.reset();
                            first = false;
                        }
                    }
                } finally {
                    tap.closed();
                }
            } catch (StreamException e) {
                log.debug("camera {}: main stream for recording: {}", cameraId, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("camera {}: main stream for recording failed", cameraId, e);
            }
            long until = System.nanoTime() + backoff.next().toNanos();
            while (!stopped && System.nanoTime() < until) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
    }
}
