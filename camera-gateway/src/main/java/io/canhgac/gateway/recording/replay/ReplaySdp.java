package io.canhgac.gateway.recording.replay;

import java.util.Base64;

/**
 * What a replay needs of the session description: where the video track is set up, the URL the
 * session is played on, and the parameter sets if the camera gives them out of band.
 */
record ReplaySdp(String baseUrl, String trackUrl, byte[] sps, byte[] pps) {

    static ReplaySdp parse(String sdp, String contentBase, String requestUrl) {
        String base = contentBase != null && !contentBase.isBlank() ? contentBase.trim() : requestUrl;
        String sessionControl = null;
        String videoControl = null;
        byte[] sps = null;
        byte[] pps = null;
        boolean inVideo = false;
        boolean inMedia = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                inMedia = true;
                inVideo = line.startsWith("m=video");
            } else if (line.startsWith("a=control:")) {
                String control = line.substring("a=control:".length()).trim();
                if (!inMedia) {
                    sessionControl = control;
                } else if (inVideo && videoControl == null) {
                    videoControl = control;
                }
            } else if (inVideo && line.startsWith("a=fmtp:") && line.contains("sprop-parameter-sets=")) {
                String sets = line.substring(line.indexOf("sprop-parameter-sets=") + 21).split(";")[0].trim();
                String[] parts = sets.split(",");
                try {
                    sps = Base64.getDecoder().decode(parts[0]);
                    pps = parts.length > 1 ? Base64.getDecoder().decode(parts[1]) : null;
                } catch (IllegalArgumentException e) {
                    sps = null;
                    pps = null; // in-band parameter sets then
                }
            }
        }
        if (!inVideo && videoControl == null && !sdp.contains("m=video")) {
            throw new IllegalArgumentException("the replay has no video track");
        }
        String play = sessionControl == null || sessionControl.equals("*") ? base : resolve(base, sessionControl);
        String track = videoControl == null || videoControl.equals("*") ? base : resolve(base, videoControl);
        return new ReplaySdp(strip(play), track, sps, pps);
    }

    private static String resolve(String base, String control) {
        if (control.startsWith("rtsp://") || control.startsWith("rtsps://")) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }

    /** RTSP servers answer PLAY on the URL without the trailing slash Content-Base often has. */
    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
