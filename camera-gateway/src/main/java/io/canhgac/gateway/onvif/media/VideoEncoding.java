package io.canhgac.gateway.onvif.media;

import java.util.Locale;

/** A profile's video codec as ONVIF names it. */
public enum VideoEncoding {
    JPEG,
    MPEG4,
    H264,
    H265,
    /** A vendor value outside the standard set; the profile is kept, the gateway cannot play it. */
    OTHER;

    static VideoEncoding fromOnvif(String value) {
        switch (value.trim().toUpperCase(Locale.ROOT).replace(".", "")) {
            case "JPEG": return JPEG;
            case "MPEG4": case "MPV4-ES": return MPEG4;
            case "H264": return H264;
            case "H265": case "HEVC": return H265;
            default: return OTHER;
        }
    }
}
