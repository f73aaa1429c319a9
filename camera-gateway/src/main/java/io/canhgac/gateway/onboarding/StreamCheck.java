package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamUrls;

import java.net.URI;
import java.time.Duration;

/** Opens a stream and decodes one picture, the proof that the gateway can analyse it. */
final class StreamCheck {

    private final Duration ioTimeout;

    StreamCheck(Duration ioTimeout) {
        this.ioTimeout = ioTimeout;
    }

    /** @return the picture's size, "640x360" */
    String check(URI stream, OnvifCredentials credentials) throws StreamException {
        FfmpegFrameSource source = new FfmpegFrameSource(StreamUrls.withCredentials(stream, credentials), ioTimeout);
        try {
            source.open();
            LumaFrame frame = source.next();
            return frame.width() + "x" + frame.height();
        } finally {
            source.close();
        }
    }
}
