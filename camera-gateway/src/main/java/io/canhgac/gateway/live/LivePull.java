package io.canhgac.gateway.live;

import io.canhgac.gateway.video.StreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one pull of a camera stream while anyone watches it: reads packets on its own thread, turns
 * each into an fMP4 fragment once, and offers that same fragment to every viewer. Reconnects
 * keep the timeline rising, so viewers' buffers stay valid across a camera hiccup.
 */
final class LivePull implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LivePull.class);
    /** 10 fps in 90 kHz ticks: the first picture's duration, before a second one tells the real rate. */
    private static final int DEFAULT_DURATION = 9000;

    private final StreamKey key;
    private final Supplier<PacketSource> sources;
    private final LiveSettings settings;
    private final Consumer<LiveFragment> tap;
    private final Runnable onDeath;
    private final List<LiveViewer> viewers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    /** The newest keyframe with its parameter sets, for snapshots without a second connection to the camera. */
    private volatile byte[] latestKeyframe;
    /** Set once the pull has given up: a viewer arriving then is told at once rather than left waiting. */
    private LiveRefusal deathReason;

    private AvcFormat format;
    private byte[] initSegment;
    private long sequence;
    /** Output timeline: where the current connection's first packet is placed, and where the last one went. */
    private long sessionBase;
    private long sessionFirstDts = Long.MIN_VALUE;
    private long lastDts = Long.MIN_VALUE;
    private long lastOut = -1;
    private int lastDuration = DEFAULT_DURATION;

    /**
     * @param tap     sees every fragment as it is made (benchmarks, statistics)
     * @param onDeath called once when the pull gives up on its own (camera unreachable, unplayable codec)
     */
    LivePull(StreamKey key, Supplier<PacketSource> sources, LiveSettings settings, Consumer<LiveFragment> tap, Runnable onDeath) {
        this.key = key;
        this.sources = sources;
        this.settings = settings;
        this.tap = tap;
        this.onDeath = onDeath;
        this.thread = new Thread(this, "live-" + key);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops soon: at the next packet, or at the latest after the I/O timeout. */
    void stop() {
        stopped = true;
    }

    synchronized void add(LiveViewer viewer) {
        if (deathReason != null) {
            viewer.end(deathReason);
            return;
        }
        if (initSegment != null) {
            viewer.begin(format, initSegment); // before joining the list: no fragment may overtake the init segment
        }
        viewers.add(viewer);
    }

    void remove(LiveViewer viewer) {
        viewers.remove(viewer);
    }

    /** The newest keyframe (Annex B, with SPS and PPS), or null before the first. */
    byte[] latestKeyframe() {
        return latestKeyframe;
    }

    int viewerCount() {
        return viewers.size();
    }

    @Override
    public void run() {
        int failures = 0;
        LiveRefusal verdict = LiveRefusal.CAMERA_UNREACHABLE;
        while (!stopped) {
            try (PacketSource source = sources.get()) {
                PacketSource.StreamInfo info = source.open();
                if (info.codec() != PacketSource.Codec.H264) {
                    verdict = info.codec() == PacketSource.Codec.H265 ? LiveRefusal.UNSUPPORTED_CODEC : LiveRefusal.OTHER_CODEC;
                    log.info("live {}: {} stream, not playable in browsers", key, info.codec());
                    break;
                }
                failures = 0;
                sessionFirstDts = Long.MIN_VALUE;
                sessionBase = lastOut < 0 ? 0 : lastOut + lastDuration;
                List<byte[]> headers = H264Nals.split(info.extradata());
                updateFormat(info.width(), info.height(), headers);
                boolean sawKeyframe = false; // after a (re)connect, pictures before the first keyframe reference nothing we sent
                while (!stopped) {
                    PacketSource.VideoPacket packet = source.next();
                    long receivedAt = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    List<byte[]> nals = H264Nals.split(packet.data());
                    updateFormat(info.width(), info.height(), nals);
                    sawKeyframe |= packet.keyframe();
                    if (initSegment == null || !sawKeyframe) {
                        continue; // no parameter sets or no keyframe yet: nothing a browser could decode
                    }
                    if (packet.keyframe()) {
                        latestKeyframe = H264Nals.standaloneKeyframe(format.sps(), format.pps(), nals);
                    }
                    publish(packet, nals, receivedAt);
                }
            } catch (StreamException e) {
                failures++;
                log.info("live {}: {} (attempt {} of {})", key, e.getMessage(), failures, settings.reconnects());
                if (failures >= settings.reconnects()) {
                    break;
                }
                sleep(settings.reconnectDelay().toMillis());
            } catch (RuntimeException e) {
                log.warn("live {}: unexpected failure", key, e);
                break;
            }
        }
        if (!stopped) {
            synchronized (this) {
                deathReason = verdict;
                for (LiveViewer v : viewers) {
                    v.end(verdict);
                }
                viewers.clear();
            }
            onDeath.run();
        }
    }

    /** A new or changed SPS/PPS (first connection, in-band headers, a camera reconfigured) restarts every viewer. */
    private void updateFormat(int width, int height, List<byte[]> nals) {
        byte[] sps = H264Nals.first(nals, H264Nals.SPS);
        byte[] pps = H264Nals.first(nals, H264Nals.PPS);
        if (sps == null || pps == null || (format != null && format.sameParameters(sps, pps))) {
            return;
        }
        AvcFormat next = new AvcFormat(width, height, sps, pps);
        synchronized (this) {
            format = next;
            initSegment = Fmp4Muxer.initSegment(next);
            for (LiveViewer v : viewers) {
                v.begin(format, initSegment);
            }
        }
        log.debug("live {}: {}", key, next);
    }

    private void publish(PacketSource.VideoPacket packet, List<byte[]> nals, long receivedAt) {
        long dts = packet.dts();
        long out;
        if (dts == Long.MIN_VALUE || (lastDts != Long.MIN_VALUE && sessionFirstDts != Long.MIN_VALUE && dts <= lastDts)) {
            out = lastOut < 0 ? 0 : lastOut + lastDuration; // no usable time from the camera: keep the last pace
        } else {
            if (sessionFirstDts == Long.MIN_VALUE) {
                sessionFirstDts = dts;
            }
            out = sessionBase + (dts - sessionFirstDts);
            if (lastOut >= 0 && out > lastOut && out - lastOut < Fmp4Muxer.TIMESCALE * 5L) {
                lastDuration = (int) (out - lastOut);
            }
        }
        if (dts != Long.MIN_VALUE) {
            lastDts = dts;
        }
        lastOut = out;
        int composition = packet.pts() == Long.MIN_VALUE || dts == Long.MIN_VALUE ? 0 : (int) (packet.pts() - dts);
        byte[] bytes = Fmp4Muxer.fragment(++sequence, out, lastDuration, composition, packet.keyframe(), H264Nals.toMp4Sample(nals));
        LiveFragment fragment = new LiveFragment(sequence, bytes, packet.keyframe(), receivedAt);
        tap.accept(fragment);
        for (LiveViewer v : viewers) {
            v.offer(fragment);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
