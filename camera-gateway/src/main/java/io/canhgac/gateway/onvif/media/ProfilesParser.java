package io.canhgac.gateway.onvif.media;

import io.canhgac.gateway.onvif.xml.Elements;
import io.canhgac.gateway.onvif.xml.XmlContentException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a GetProfilesResponse. Audio, analytics and metadata configurations are not read. */
final class ProfilesParser {

    private ProfilesParser() {
    }

    static List<MediaProfile> parse(Element response) throws XmlContentException {
        return each(response, ProfilesParser::profile);
    }

    /** Reads one Profiles element whose token is known; Media and Media2 differ only here. */
    @FunctionalInterface
    interface ProfileReader {
        MediaProfile read(Element profile, String token) throws XmlContentException;
    }

    /** Every Profiles element of a GetProfilesResponse, a complaint naming the profile it is about. */
    static List<MediaProfile> each(Element response, ProfileReader reader) throws XmlContentException {
        List<MediaProfile> profiles = new ArrayList<>();
        for (Element profile : Elements.children(response, "Profiles")) {
            String token = Elements.requiredAttribute(profile, "token");
            try {
                profiles.add(reader.read(profile, token));
            } catch (XmlContentException e) {
                throw new XmlContentException("profile '" + token + "': " + e.getMessage());
            }
        }
        return List.copyOf(profiles);
    }

    private static MediaProfile profile(Element profile, String token) throws XmlContentException {
        boolean fixed = Elements.attribute(profile, "fixed").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
        String name = Elements.optionalText(profile, "Name").orElse("");
        String sourceToken = Elements.optionalText(profile, "VideoSourceConfiguration", "SourceToken").orElse(null);
        Optional<Element> encoder = Elements.optionalChild(profile, "VideoEncoderConfiguration");
        VideoEncoderSettings video = encoder.isPresent() ? encoder(encoder.get()) : null;
        boolean ptz = Elements.optionalChild(profile, "PTZConfiguration").isPresent();
        return new MediaProfile(token, name, fixed, sourceToken, video, ptz);
    }

    /**
     * The part of a video encoder configuration Media and Media2 share: encoding, resolution and
     * rate control; the H.264 details are where the two differ.
     */
    static VideoEncoderSettings encoder(Element encoder, H264Profile h264Profile, int govLength) throws XmlContentException {
        String token = Elements.attribute(encoder, "token").map(String::trim).orElse("");
        VideoEncoding encoding = VideoEncoding.fromOnvif(Elements.requiredText(encoder, "Encoding"));
        int width = Elements.integer(encoder, "Resolution", "Width");
        int height = Elements.integer(encoder, "Resolution", "Height");
        int frameRate = 0;
        int bitrate = 0;
        Optional<Element> rate = Elements.optionalChild(encoder, "RateControl");
        if (rate.isPresent()) {
            frameRate = Elements.integer(rate.get(), "FrameRateLimit");
            bitrate = Elements.integer(rate.get(), "BitrateLimit");
        }
        boolean h264 = encoding == VideoEncoding.H264;
        return new VideoEncoderSettings(token, encoding, width, height, frameRate, bitrate,
                h264 ? h264Profile : null, h264 ? govLength : 0);
    }

    private static VideoEncoderSettings encoder(Element encoder) throws XmlContentException {
        VideoEncoding encoding = VideoEncoding.fromOnvif(Elements.requiredText(encoder, "Encoding"));
        H264Profile h264Profile = null;
        int govLength = 0;
        Optional<Element> h264 = Elements.optionalChild(encoder, "H264");
        if (encoding == VideoEncoding.H264 && h264.isPresent()) {
            h264Profile = Elements.optionalText(h264.get(), "H264Profile").flatMap(H264Profile::fromOnvif).orElse(null);
            Optional<String> gov = Elements.optionalText(h264.get(), "GovLength");
            govLength = gov.isPresent() ? Elements.parseInt(gov.get(), "GovLength") : 0;
        }
        return encoder(encoder, h264Profile, govLength);
    }
}
