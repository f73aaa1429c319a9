package io.canhgac.gateway.video;

import io.canhgac.gateway.onvif.OnvifCredentials;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Cameras use their ONVIF account for RTSP too; FFmpeg takes it in the URL. */
public final class StreamUrls {

    private StreamUrls() {
    }

    /** The stream URL with the account in it, percent-encoded; unchanged if it already has one or there is none. */
    public static String withCredentials(URI stream, OnvifCredentials credentials) {
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
