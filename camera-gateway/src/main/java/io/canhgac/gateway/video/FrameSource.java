package io.canhgac.gateway.video;

/** Decoded pictures from one camera stream. Blocking: run it on a thread of its own. */
public interface FrameSource extends AutoCloseable {

    /** Connects and reads the stream headers. */
    void open() throws StreamException;

    /** The next picture; blocks until it arrives. Throws when the stream ends, stalls or breaks. */
    LumaFrame next() throws StreamException;

    @Override
    void close();
}
