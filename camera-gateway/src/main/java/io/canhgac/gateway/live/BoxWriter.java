package io.canhgac.gateway.live;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian writer for ISO BMFF boxes: open a box, write its body, close it and its size is filled in. */
final class BoxWriter {

    private byte[] buf;
    private int len;

    BoxWriter(int capacity) {
        buf = new byte[capacity];
    }

    /** Starts a box; returns its offset for {@link #end(int)}. */
    int begin(String type) {
        int at = len;
        u32(0);
        fourcc(type);
        return at;
    }

    /** Starts a "full box" (with version and flags). */
    int beginFull(String type, int version, int flags) {
        int at = begin(type);
        u8(version);
        u24(flags);
        return at;
    }

    void end(int at) {
        putU32(at, len - at);
    }

    BoxWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    BoxWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    BoxWriter u24(int v) {
        return u8(v >>> 16).u16(v);
    }

    BoxWriter u32(long v) {
        ensure(4);
        putU32(len, v);
        len += 4;
        return this;
    }

    BoxWriter u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFFFFFFL);
    }

    BoxWriter fourcc(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("box types have four characters: " + type);
        }
        return bytes(type.getBytes(StandardCharsets.US_ASCII));
    }

    BoxWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    BoxWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    BoxWriter zeros(int n) {
        ensure(n);
        len += n; // the buffer is zero-filled and never reused
        return this;
    }

    int size() {
        return len;
    }

    void putU32(int at, long v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    byte[] toByteArray() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
