package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.video.FfmpegFrameSource;
import io.canhgac.gateway.video.LumaFrame;
import io.canhgac.gateway.video.StreamException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Opens a stream and decodes one picture, the proof that the gateway can analyse it. */
final class StreamCheck {

    private final Duration ioTimeout;

    StreamCheck(Duration ioTimeout) {
        this.ioTimeout = ioTimeout;
    }

    /** @return the picture's size, "640x360" */
    String check(URI stream, OnvifCredentials credentials) throws StreamException {
        FfmpegFrameSource source = new FfmpegFrameSource(withCredentials(stream, credentials), ioTimeout);
        try {
            source.open();
            LumaFrame frame = source.next();
            return frame.width() + "x" + frame.height();
        } finally {
            source.close();
        }
    }

    /** Cameras use the ONVIF account for RTSP too; FFmpeg takes it in the URL. */
    static String withCredentials(URI stream, OnvifCredentials credentials) {
        if (credentials.isAnonymous() || stream.getRawUserInfo() != null) {
            return stream.toString();
        }
        String userInfo = encode(credentials.username()) + ":" + encode(credentials.password()) + "@";
        String text = stream.toString();
        int authority = text.indexOf("//") + 2;
        return text.substring(0, authority) + userInfo + text.substring(authority);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
