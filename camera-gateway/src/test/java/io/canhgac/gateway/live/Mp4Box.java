package io.canhgac.gateway.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An independent reader of ISO BMFF boxes for the tests: every size must add up exactly, or it throws. */
record Mp4Box(String type, int offset, int size, ByteBuffer body, List<Mp4Box> children) {

    /** Boxes that hold only boxes (avc1 and stsd hold a fixed header first). */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "mvex", "moof", "traf");

    static List<Mp4Box> parse(byte[] data) {
        return parse(ByteBuffer.wrap(data), 0, data.length);
    }

    private static List<Mp4Box> parse(ByteBuffer buf, int from, int to) {
        List<Mp4Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new IllegalStateException("trailing " + (to - at) + " bytes at " + at);
            }
            int size = buf.getInt(at);
            byte[] t = new byte[4];
            buf.get(at + 4, t);
            String type = new String(t, StandardCharsets.US_ASCII);
            if (size < 8 || at + size > to) {
                throw new IllegalStateException("box " + type + " at " + at + " has size " + size + ", parent ends at " + to);
            }
            ByteBuffer body = buf.slice(at + 8, size - 8);
            List<Mp4Box> children = List.of();
            if (CONTAINERS.contains(type)) {
                children = parse(buf, at + 8, at + size);
            } else if (type.equals("stsd")) {
                children = parse(buf, at + 16, at + size);
            } else if (type.equals("avc1")) {
                children = parse(buf, at + 8 + 78, at + size);
            } else if (type.equals("dref")) {
                children = parse(buf, at + 16, at + size);
            }
            boxes.add(new Mp4Box(type, at, size, body, children));
            at += size;
        }
        return boxes;
    }

    List<String> childTypes() {
        return children.stream().map(Mp4Box::type).toList();
    }

    /** The first box found along a path of types, e.g. "moov/trak/mdia". */
    Mp4Box find(String path) {
        Mp4Box box = this;
        for (String step : path.split("/")) {
            box = box.children.stream().filter(c -> c.type.equals(step)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + step + " in " + path));
        }
        return box;
    }

    static Mp4Box root(List<Mp4Box> boxes) {
        return new Mp4Box("root", 0, 0, ByteBuffer.allocate(0), boxes);
    }

    byte[] bodyBytes() {
        byte[] b = new byte[body.remaining()];
        body.duplicate().get(b);
        return b;
    }
}
