package io.canhgac.gateway.recording;

import io.canhgac.gateway.live.AvcFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads back a segment {@link SegmentWriter} wrote: the format from its init segment, then one
 * picture per moof + mdat. A fragment cut short (the file is still being written, or a crash cut
 * it) reads as the end, and the position stays before it, so a reader that follows a growing file
 * simply asks again. Only our own layout is understood (one track, one sample per fragment).
 */
final class SegmentReader implements AutoCloseable {

    /** A fragment larger than this is not ours: a corrupt size must not make us allocate gigabytes. */
    private static final int MAX_FRAGMENT = 32 << 20;

    /**
     * One picture.
     *
     * @param offset      where its fragment starts in the file
     * @param decodeTicks since the segment's first picture
     * @param data        4-byte length-prefixed NAL units; null when read with {@link #nextHeader}
     */
    record Sample(long offset, long decodeTicks, int durationTicks, int compositionOffset, boolean keyframe, byte[] data) {
    }

    private final FileChannel channel;
    private final AvcFormat format;
    private long position;

    private SegmentReader(FileChannel channel, AvcFormat format, long position) {
        this.channel = channel;
        this.format = format;
        this.position = position;
    }

    static SegmentReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long at = 0;
            AvcFormat format = null;
            while (format == null) {
                ByteBuffer header = read(channel, at, 8);
                if (header == null) {
                    throw new IOException("no init segment in " + file.getFileName());
                }
                int size = header.getInt(0);
                String type = type(header, 4);
                if (size < 8 || size > MAX_FRAGMENT) {
                    throw new IOException("bad box " + type + " in " + file.getFileName());
                }
                if (type.equals("moov")) {
                    ByteBuffer moov = read(channel, at, size);
                    if (moov == null) {
                        throw new IOException("init segment cut short in " + file.getFileName());
                    }
                    format = InitSegment.format(moov);
                }
                at += size;
            }
            return new SegmentReader(channel, format, at);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException("unreadable init segment in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    AvcFormat format() {
        return format;
    }

    long position() {
        return position;
    }

    void seek(long offset) {
        position = offset;
    }

    /** The next picture with its data; null at the end of what is whole so far. */
    Sample next() throws IOException {
        return read(true);
    }

    /** The next picture's times and flags only, its data skipped (seeking, scanning, repair). */
    Sample nextHeader() throws IOException {
        return read(false);
    }

    private Sample read(boolean withData) throws IOException {
        ByteBuffer header = read(channel, position, 8);
        if (header == null) {
            return null;
        }
        int moofSize = header.getInt(0);
        if (!type(header, 4).equals("moof") || moofSize < 8 || moofSize > 4096) {
            throw new IOException("expected a moof at " + position);
        }
        ByteBuffer moof = read(channel, position, moofSize + 8);
        if (moof == null) {
            return null;
        }
        int mdatSize = moof.getInt(moofSize);
        if (!type(moof, moofSize + 4).equals("mdat") || mdatSize < 8 || mdatSize > MAX_FRAGMENT) {
            throw new IOException("expected an mdat at " + (position + moofSize));
        }
        long end = position + moofSize + mdatSize;
        if (channel.size() < end) {
            return null; // the picture is still being written, or a crash cut it
        }
        Sample s = InitSegment.fragment(moof, moofSize, position);
        byte[] data = null;
        if (withData) {
            ByteBuffer body = read(channel, position + moofSize + 8, mdatSize - 8);
            data = body.array();
        }
        long at = position;
        position = end;
        return new Sample(at, s.decodeTicks(), s.durationTicks(), s.compositionOffset(), s.keyframe(), data);
    }

    private static ByteBuffer read(FileChannel channel, long at, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf, at + buf.position()) < 0) {
                return null;
            }
        }
        return buf.flip();
    }

    static String type(ByteBuffer buf, int at) {
        byte[] t = new byte[4];
        buf.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
