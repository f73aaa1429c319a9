package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.VideoEncoding;

import java.util.Comparator;
import java.util.List;

/**
 * Which of a camera's profiles the gateway uses. The main stream is the largest H.264 or H.265
 * profile (clips are copied, not decoded, so H.265 is fine there). The substream is the smallest
 * H.264 one: the wall plays it in the browser and the motion detector decodes it, and browsers on
 * the centre's machines have no H.265. A camera whose profiles are all H.265 is refused with what to
 * change, rather than put on the wall as a black tile.
 *
 * @param refusal why no usable pair exists, or null
 */
record ProfileChoice(MediaProfile main, MediaProfile sub, String refusal) {

    private static final Comparator<MediaProfile> BY_SIZE =
            Comparator.comparingInt(p -> p.video().width() * p.video().height());

    static ProfileChoice of(List<MediaProfile> profiles) {
        List<MediaProfile> video = profiles.stream().filter(p -> p.videoEncoder().isPresent()).toList();
        if (video.isEmpty()) {
            return refused("the camera lists no profile with a video encoder");
        }
        List<MediaProfile> h264 = video.stream().filter(p -> p.video().encoding() == VideoEncoding.H264).toList();
        if (h264.isEmpty()) {
            return refused("no H.264 profile (the camera encodes " + video.stream().map(p -> p.video().encoding().name())
                    .distinct().toList() + "): set its substream to H.264 in the camera's video settings");
        }
        List<MediaProfile> recordable = video.stream()
                .filter(p -> p.video().encoding() == VideoEncoding.H264 || p.video().encoding() == VideoEncoding.H265).toList();
        return new ProfileChoice(recordable.stream().max(BY_SIZE).orElseThrow(), h264.stream().min(BY_SIZE).orElseThrow(), null);
    }

    private static ProfileChoice refused(String why) {
        return new ProfileChoice(null, null, why);
    }
}
