package io.canhgac.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a gateway's CPU samples went, from async-profiler's collapsed stacks. A stack belongs to the
 * GC, the JIT or event media's own work when any of its frames does (a snapshot decodes, and that
 * decode is media's cost); otherwise to the part of its innermost frame that names one, walking
 * outwards (so detection called through the event recorder is detection, and a read system call
 * under FFmpeg's demuxer is demuxing). FFmpeg's libraries are stripped: their frames are the library.
 */
final class ProfileShares {

    private record Part(String name, List<String> frames) {

        boolean holds(String frame) {
            for (String f : frames) {
                if (frame.contains(f)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String MEDIA = "event media (pre-roll, clips, snapshots)";

    private static final List<Part> ANYWHERE = List.of(
            new Part("GC", List.of("Collect", "DefNewGeneration", "TenuredGeneration", "SerialHeap", "MarkSweep", "G1", "Scavenge")),
            new Part("JIT compiler", List.of("CompileBroker", "C2Compiler", "Compilation::", "Compile::")),
            new Part(MEDIA, List.of("StillPicture", "JpegEncoder", "MediaWriter", "ClipRemuxer", "PacketRing", "MediaSpool",
                    "MediaUploader", "libswscale")));

    private static final List<Part> INNERMOST = List.of(
            new Part("motion detection", List.of("io/canhgac/gateway/motion/")),
            new Part("decode", List.of("VideoDecoder", "libavcodec")),
            new Part("demux (RTSP, RTP, copy out of FFmpeg)", List.of("RtspDemuxer", "libavformat")),
            new Part(MEDIA, List.of("io/canhgac/gateway/media/")),
            new Part("network, live server, link", List.of("io/netty/channel", "io/netty/handler", "io/netty/buffer")),
            new Part("camera worker, health, publishing (other gateway Java)", List.of("io/canhgac/")));

    private final Map<String, Long> samples = new LinkedHashMap<>();
    private final Map<String, Long> innermost = new LinkedHashMap<>();
    private long total;

    static ProfileShares of(String collapsed) {
        ProfileShares shares = new ProfileShares();
        collapsed.lines().filter(l -> !l.isBlank()).forEach(shares::add);
        return shares;
    }

    private void add(String line) {
        int space = line.lastIndexOf(' ');
        long n = Long.parseLong(line.substring(space + 1).trim());
        String[] stack = line.substring(0, space).split(";");
        total += n;
        samples.merge(part(stack), n, Long::sum);
        innermost.merge(stack[stack.length - 1], n, Long::sum);
    }

    private static String part(String[] stack) {
        for (Part p : ANYWHERE) {
            for (String frame : stack) {
                if (p.holds(frame)) {
                    return p.name();
                }
            }
        }
        for (int i = stack.length - 1; i >= 0; i--) {
            for (Part p : INNERMOST) {
                if (p.holds(stack[i])) {
                    return p.name();
                }
            }
        }
        return "other (JVM, threads outside the gateway's code)";
    }

    long total() {
        return total;
    }

    /** Markdown rows: part, share of samples; largest first. */
    List<String> rows() {
        return samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("| %s | %.1f %% |", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.toList());
    }

    /** The innermost frames with the most samples. */
    List<String> hottest(int n) {
        return innermost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format("| `%s` | %.1f %% |", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.toList());
    }
}
